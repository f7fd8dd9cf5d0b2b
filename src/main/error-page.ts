/**
 * The page shown when the app cannot start (content database missing or
 * damaged, native module not built, renderer not built): static HTML served by
 * app:// so the window is never blank.
 *
 * Constraint: no script and no inline style (the CSP forbids both); the message
 * is escaped; the page says the user's notes are untouched and where they live.
 */
export const ERROR_PAGE_PATH = '/__startup-error.html';
export const ERROR_CSS_PATH = '/__startup-error.css';

export const ERROR_CSS = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 3rem auto; max-width: 40rem; padding: 0 1.5rem; color: #1d1d1f; background: #fafafa; }
h1 { font-size: 1.4rem; }
pre { white-space: pre-wrap; background: #fff; border: 1px solid #ccc; padding: 1rem; border-radius: 4px; }
@media (prefers-color-scheme: dark) { body { color: #eee; background: #1e1e1e; } pre { background: #2a2a2a; border-color: #555; } }
`;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderErrorPage(message: string, dataDir: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Recollection cannot start</title>
<link rel="stylesheet" href="${ERROR_CSS_PATH.slice(1)}">
</head>
<body>
<main>
<h1>Recollection cannot start</h1>
<pre>${escapeHtml(message)}</pre>
<p>Your notes and bookmarks have not been touched. They are kept in:</p>
<pre>${escapeHtml(dataDir)}</pre>
<p>Reinstalling the application usually fixes a missing or damaged document database.
Developers: see docs/native-modules.md and run <code>npm run build:content</code>.</p>
</main>
</body>
</html>
`;
}
