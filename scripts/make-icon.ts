/**
 * Draws the app icon, resources/build/icon.png (1024×1024, transparent
 * corners), from which electron-builder makes the Windows .ico, the macOS
 * .icns and the Linux icon set. The mark: the document's initial, set in the
 * app's reading face (Source Serif 4, bundled), on the reader's accent blue,
 * with a bookmark ribbon for the private notes.
 *
 * Constraint: offline and reproducible: the face is inlined from
 * node_modules as a data: URL and the page is rendered by the machine's
 * Chromium (CHROMIUM_PATH, default /usr/bin/chromium). The PNG is committed,
 * so packaging never needs a browser; run `npm run icon` after changing this.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../src/core/content-build/ensure';

const SIZE = 1024;
const OUT = join(REPO_ROOT, 'resources', 'build', 'icon.png');
const ACCENT = '#1c4f80'; // --accent of the light theme (src/renderer/styles/theme.css)
const PAPER = '#fafafa'; // the window's background colour (src/main/window.ts)
const RIBBON = '#d9a441';

function fontDataUrl(): string {
  const pkg = createRequire(import.meta.url).resolve('@fontsource/source-serif-4/package.json');
  const file = join(dirname(pkg), 'files', 'source-serif-4-latin-600-normal.woff2');
  return `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
}

function page(): string {
  // macOS-style grid: the tile is 824 px with 100 px margins, so the icon sits well beside others.
  return `<!doctype html><html><head><style>
    @font-face { font-family: 'Icon Serif'; font-weight: 600; src: url(${fontDataUrl()}) format('woff2'); }
    html, body { margin: 0; background: transparent; }
    svg { display: block; }
  </style></head><body>
  <svg id="icon" xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
    <rect x="100" y="100" width="824" height="824" rx="184" fill="${ACCENT}"/>
    <path d="M 616 100 h 120 v 250 l -60 -48 l -60 48 z" fill="${RIBBON}"/>
    <text x="470" y="745" text-anchor="middle" font-family="Icon Serif" font-weight="600" font-size="620"
      fill="${PAPER}">R</text>
  </svg></body></html>`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const p = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await p.setContent(page());
    await p.evaluate('document.fonts.ready');
    if (!(await p.evaluate<boolean>('document.fonts.check("600 100px \'Icon Serif\'")'))) {
      throw new Error('the bundled face did not load');
    }
    mkdirSync(dirname(OUT), { recursive: true });
    await p.locator('#icon').screenshot({ path: OUT, omitBackground: true });
    console.log(`icon: wrote ${OUT}`);
  } finally {
    await browser.close();
  }
}

await main();
