/**
 * The static security scan (scripts/security-scan.ts): no findings on the real
 * tree, and on a small fixture tree — clean as given — each bad change is
 * found, with the rule and the words that name it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan, type Finding } from '../../scripts/security-scan';

const ROOT = resolve(import.meta.dirname, '../..');

/** A minimal app tree that passes every rule; each case changes one thing in a copy. */
const GOOD: Record<string, string> = {
  'src/main/window.ts': `
import { BrowserWindow, type WebPreferences } from 'electron';
export function webPreferences(preload: string, devTools: boolean): WebPreferences {
  return { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false,
    webSecurity: true, allowRunningInsecureContent: false, devTools };
}
export const make = () => new BrowserWindow({ show: false, webPreferences: webPreferences('p.js', false) });
`,
  'src/main/security.ts': `
export function harden(session: any, contents: any) {
  session.setPermissionRequestHandler((_c: unknown, _p: string, cb: (ok: boolean) => void) => cb(false));
  contents.on('will-navigate', (e: { preventDefault(): void }) => e.preventDefault());
  contents.on('will-frame-navigate', (e: { preventDefault(): void }) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
`,
  'src/main/protocol.ts': `
export const CSP = ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-src 'none'",
  "frame-ancestors 'none'", "require-trusted-types-for 'script'", "trusted-types 'none'"].join('; ');
`,
  'src/main/external.ts': `
import { shell } from 'electron';
export const open = (url: string) => shell.openExternal(url);
`,
  'src/main/ipc.ts': `
import { ipcMain } from 'electron';
ipcMain.handle('x', () => 1);
`,
  'src/preload/index.ts': `
import { ipcRenderer } from 'electron';
export const invoke = (c: string) => ipcRenderer.invoke(c);
`,
  'src/renderer/App.tsx': `
export const App = () => <p title="ok">{'text'}</p>;
`,
  'src/renderer/index.html': `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'; frame-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'" />
</head><body><script type="module" src="./main.tsx"></script></body></html>
`,
  'electron-builder.yml': `appId: x
electronFuses:
  runAsNode: false
  enableNodeOptionsEnvironmentVariable: false
  enableNodeCliInspectArguments: false
  enableEmbeddedAsarIntegrityValidation: true
  onlyLoadAppFromAsar: true
  grantFileProtocolExtraPrivileges: false
publish: null
`,
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Writes GOOD with `change` applied (file → new text, or a function of the old text) and scans it. */
function scanWith(change: Record<string, string | ((old: string) => string)> = {}): Finding[] {
  const root = mkdtempSync(join(tmpdir(), 'recollection-scan-'));
  dirs.push(root);
  const files = { ...GOOD };
  for (const [file, edit] of Object.entries(change)) {
    files[file] = typeof edit === 'function' ? edit(files[file] ?? '') : edit;
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return scan(root);
}

const replace = (from: string, to: string) => (old: string) => {
  if (!old.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return old.replace(from, to);
};
const summary = (fs: Finding[]) => fs.map((f) => `${f.file} [${f.rule}] ${f.message}`);

describe('security scan', () => {
  it('finds nothing in the real tree', () => {
    expect(summary(scan(ROOT))).toEqual([]);
  });

  it('finds nothing in the clean fixture (so each case below finds only its own change)', () => {
    expect(summary(scanWith())).toEqual([]);
  });

  const win = 'src/main/window.ts';
  const cases: Array<[string, Record<string, string | ((old: string) => string)>, string, RegExp]> = [
    [
      'nodeIntegration: true',
      { [win]: replace('nodeIntegration: false', 'nodeIntegration: true') },
      'web-preferences',
      /nodeIntegration must be false \(is true\)/,
    ],
    [
      'contextIsolation left out',
      { [win]: replace('contextIsolation: true, ', '') },
      'web-preferences',
      /contextIsolation must be true \(is unset\)/,
    ],
    [
      'sandbox: false',
      { [win]: replace('sandbox: true', 'sandbox: false') },
      'web-preferences',
      /sandbox must be true \(is false\)/,
    ],
    [
      'sandbox from a variable',
      { [win]: replace('sandbox: true', 'sandbox: devTools') },
      'web-preferences',
      /sandbox must be true \(is not a literal\)/,
    ],
    [
      'webviewTag: true',
      { [win]: replace('webviewTag: false', 'webviewTag: true') },
      'web-preferences',
      /webviewTag must be false/,
    ],
    [
      'webSecurity: false',
      { [win]: replace('webSecurity: true', 'webSecurity: false') },
      'web-preferences',
      /webSecurity must be true/,
    ],
    [
      'allowRunningInsecureContent: true',
      { [win]: replace('allowRunningInsecureContent: false', 'allowRunningInsecureContent: true') },
      'web-preferences',
      /allowRunningInsecureContent must be false/,
    ],
    [
      'experimentalFeatures: true',
      { [win]: replace('devTools };', 'devTools, experimentalFeatures: true };') },
      'web-preferences',
      /experimentalFeatures must be false/,
    ],
    [
      'enableBlinkFeatures',
      { [win]: replace('devTools };', "devTools, enableBlinkFeatures: 'X' };") },
      'web-preferences',
      /enableBlinkFeatures must not be set/,
    ],
    [
      'preferences spread from elsewhere',
      { [win]: replace('return { preload,', 'return { ...defaults, preload,') },
      'web-preferences',
      /spread another object/,
    ],
    [
      'preferences from a function it cannot see',
      { [win]: replace("webPreferences('p.js', false)", "imported('p.js')") },
      'web-preferences',
      /cannot be resolved/,
    ],
    [
      'a second window without webPreferences',
      { [win]: (old) => `${old}\nexport const other = () => new BrowserWindow({ width: 10 });\n` },
      'web-preferences',
      /new BrowserWindow without literal webPreferences/,
    ],
    [
      "'unsafe-eval' in the app's CSP",
      { 'src/main/protocol.ts': replace('"script-src \'self\'"', "\"script-src 'self' 'unsafe-eval'\"") },
      'csp',
      /script-src allows 'unsafe-eval'/,
    ],
    [
      'no CSP in the main process',
      { 'src/main/protocol.ts': 'export const CSP = null;\n' },
      'csp',
      /no Content-Security-Policy found in src\/main/,
    ],
    [
      'a remote origin in the page CSP',
      { 'src/renderer/index.html': replace("script-src 'self';", "script-src 'self' https://cdn.example.org;") },
      'csp',
      /script-src allows a remote origin/,
    ],
    [
      "'unsafe-inline' styles where things can load",
      {
        'src/main/protocol.ts': replace(
          '"object-src \'none\'"',
          '"object-src \'none\'", "style-src \'unsafe-inline\'"',
        ),
      },
      'csp',
      /style-src allows 'unsafe-inline'/,
    ],
    [
      "frames allowed in the app's CSP",
      {
        'src/main/protocol.ts': replace('"frame-src \'none\'",', ''),
        'src/renderer/index.html': replace(" frame-src 'none';", ''),
      },
      'csp',
      /frame-src is not 'none'/,
    ],
    [
      'no Trusted Types in the page CSP',
      {
        'src/main/protocol.ts': replace('"require-trusted-types-for \'script\'", ', ''),
        'src/renderer/index.html': replace(" require-trusted-types-for 'script';", ''),
      },
      'csp',
      /no require-trusted-types-for 'script'/,
    ],
    [
      'any Trusted Types policy allowed',
      {
        'src/main/protocol.ts': replace('"trusted-types \'none\'"', '"trusted-types *"'),
        'src/renderer/index.html': replace("trusted-types 'none'\"", 'trusted-types *"'),
      },
      'csp',
      /trusted-types allows any policy/,
    ],
    [
      'a meta tag that differs from the policy in main',
      { 'src/renderer/index.html': replace(" trusted-types 'none'", " trusted-types 'none'; img-src 'self'") },
      'csp',
      /the CSP meta tag differs from the policy in src\/main/,
    ],
    [
      'an inline script in index.html',
      { 'src/renderer/index.html': replace('</body>', '<script>boot()</script></body>') },
      'csp',
      /inline <script>/,
    ],
    [
      'shell.openExternal outside external.ts',
      { 'src/main/menu.ts': "import { shell } from 'electron';\nshell.openExternal('https://x');\n" },
      'restricted-api',
      /shell\.openExternal is only allowed in src\/main\/external\.ts/,
    ],
    [
      'ipcMain outside ipc.ts',
      { 'src/main/index.ts': "import { ipcMain } from 'electron';\nipcMain.on('x', () => {});\n" },
      'restricted-api',
      /ipcMain is only allowed in src\/main\/ipc\.ts/,
    ],
    [
      'ipcRenderer in the renderer',
      { 'src/renderer/bad.ts': "declare const ipcRenderer: any;\nipcRenderer.send('x');\n" },
      'restricted-api',
      /ipcRenderer is only allowed in src\/preload\/index\.ts/,
    ],
    ['eval', { 'src/renderer/bad.ts': 'export const run = (s: string) => eval(s);\n' }, 'code-evaluation', /eval\(\)/],
    [
      'new Function',
      { 'src/renderer/bad.ts': 'export const run = (s: string) => new Function(s);\n' },
      'code-evaluation',
      /new Function\(\)/,
    ],
    [
      'executeJavaScript',
      { 'src/main/bad.ts': "declare const wc: any;\nwc.executeJavaScript('1');\n" },
      'code-evaluation',
      /executeJavaScript runs a string/,
    ],
    [
      'dangerouslySetInnerHTML',
      {
        'src/renderer/App.tsx':
          'export const App = (p: { h: string }) => <p dangerouslySetInnerHTML={{ __html: p.h }} />;\n',
      },
      'code-evaluation',
      /dangerouslySetInnerHTML/,
    ],
    [
      'innerHTML assignment',
      { 'src/renderer/bad.ts': 'export const put = (e: HTMLElement, h: string) => { e.innerHTML = h; };\n' },
      'code-evaluation',
      /innerHTML assignment/,
    ],
    [
      'no window-open handler',
      { 'src/main/security.ts': replace("contents.setWindowOpenHandler(() => ({ action: 'deny' }));", '') },
      'page-guards',
      /no setWindowOpenHandler/,
    ],
    [
      'no navigation guard',
      {
        'src/main/security.ts': replace(
          "contents.on('will-navigate', (e: { preventDefault(): void }) => e.preventDefault());",
          '',
        ),
      },
      'page-guards',
      /no 'will-navigate' handler/,
    ],
    [
      'no frame navigation guard',
      {
        'src/main/security.ts': replace(
          "contents.on('will-frame-navigate', (e: { preventDefault(): void }) => e.preventDefault());",
          '',
        ),
      },
      'page-guards',
      /no 'will-frame-navigate' handler/,
    ],
    [
      'no permission handler',
      { 'src/main/security.ts': replace('session.setPermissionRequestHandler(', 'session.other(') },
      'page-guards',
      /no setPermissionRequestHandler/,
    ],
    [
      'fuse runAsNode on',
      { 'electron-builder.yml': replace('runAsNode: false', 'runAsNode: true') },
      'fuses',
      /fuse runAsNode must be false \(is true\)/,
    ],
    [
      'a fuse left out',
      { 'electron-builder.yml': replace('  onlyLoadAppFromAsar: true\n', '') },
      'fuses',
      /fuse onlyLoadAppFromAsar must be true \(is unset\)/,
    ],
    ['no fuses at all', { 'electron-builder.yml': 'appId: x\n' }, 'fuses', /no electronFuses section/],
  ];

  it.each(cases)('finds %s', (_, change, rule, message) => {
    const found = scanWith(change);
    expect(found.length).toBeGreaterThan(0);
    expect(summary(found).join('\n')).toMatch(message);
    expect(
      found.every((f) => f.rule === rule),
      summary(found).join('\n'),
    ).toBe(true);
  });

  it("accepts inline styles in a document that loads nothing (the exported HTML brief's CSP)", () => {
    const brief = readFileSync(join(ROOT, 'src/core/exchange/html.ts'), 'utf8');
    expect(brief).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect(summary(scanWith({ 'src/core/exchange/html.ts': brief }))).toEqual([]);
  });
});
