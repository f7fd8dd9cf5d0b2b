/**
 * app:// — the renderer is served only from its own folder, with the CSP on
 * every response; the scheme is registered privileged. The handler is the real
 * one, reading real files in a temporary folder; Electron is mocked.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakes'));

const { APP_ERROR_URL, CSP, createAppHandler, realInside, registerAppScheme, resolveInside, serveApp } =
  await import('../../src/main/protocol');
const { renderErrorPage } = await import('../../src/main/error-page');
const fakes = await import('./fakes');

let dir: string;
let root: string;
let secret: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'recollection-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'font.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  // A file right next to the root: any traversal that works would reach it (200 instead of 404).
  secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'confidential');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET'): Promise<Response> => createAppHandler(root)(new Request(url, { method }));

describe('CSP', () => {
  const directives = new Map(
    CSP.split(';').map((d: string) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it("defaults to 'self' and allows no inline or evaluated script", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/unsafe-(eval|inline)|wasm-unsafe-eval|strict-dynamic/);
  });

  it('names no remote origin or scheme wildcard anywhere', () => {
    expect(CSP).not.toMatch(/https?:|wss?:|\*|blob:/);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('forbids plugins, base rewriting, framing and form posting', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('loads no frame and lets no string reach a script or HTML sink (Trusted Types, no policy)', () => {
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(directives.get('trusted-types')).toEqual(["'none'"]);
  });
});

describe('app:// handler', () => {
  it('serves a file of the root with its MIME type and the CSP header', async () => {
    const res = await get('app://bundle/assets/main.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves index.html for / and fonts as font/woff2', async () => {
    const index = await get('app://bundle/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>app</title>');
    const font = await get('app://bundle/assets/font.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/../secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/..%5csecret.txt',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A',
    'app://bundle/assets',
    'app://bundle/missing.js',
    'app://other/index.html',
  ])('answers 404 with the CSP for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).not.toContain('confidential');
  });

  it('answers 404 for an absolute path, plain or encoded', async () => {
    for (const url of [
      `app://bundle/${encodeURIComponent(secret)}`,
      `app://bundle/${secret}`,
      'app://bundle//etc/passwd',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolveInside keeps every resolved path inside the root', () => {
    expect(resolveInside(root, '/assets/main.js')).toBe(join(root, 'assets', 'main.js'));
    for (const p of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/x',
      `/${encodeURIComponent(secret)}`.replace(/%2F/g, '/'),
    ]) {
      const resolved = resolveInside(root, p);
      expect(resolved === null || resolved.startsWith(join(root, '/')), p).toBe(true);
    }
    expect(resolveInside(root, '/..%2fsecret.txt')).toBeNull();
    expect(resolveInside(root, '/')).toBeNull();
  });
});

describe('symbolic links', () => {
  let linked: string;
  beforeAll(() => {
    // Links inside the served folder: to a file and a folder outside it, and to a file inside it.
    symlinkSync(secret, join(root, 'assets', 'leak.txt'));
    symlinkSync(dir, join(root, 'outside'), 'dir');
    symlinkSync(join(root, 'assets', 'main.js'), join(root, 'alias.js'));
    // The root itself reached through a link: its real path is what counts.
    linked = join(dir, 'linked-root');
    symlinkSync(root, linked, 'dir');
  });

  it.each(['app://bundle/assets/leak.txt', 'app://bundle/outside/secret.txt'])(
    'answers 404 for %s, a link that leads outside the root',
    async (url) => {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('confidential');
    },
  );

  it('serves a link that stays inside the root, and a root reached through a link', async () => {
    const alias = await get('app://bundle/alias.js');
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe('console.log(1)');
    const viaLink = await createAppHandler(linked)(new Request('app://bundle/assets/main.js'));
    expect(viaLink.status).toBe(200);
  });

  it('realInside follows links and keeps only real paths inside the real root', async () => {
    expect(await realInside(root, join(root, 'assets', 'leak.txt'))).toBeNull();
    expect(await realInside(root, join(root, 'missing.js'))).toBeNull();
    expect(await realInside(linked, join(linked, 'alias.js'))).toBe(join(root, 'assets', 'main.js'));
  });
});

describe('startup error page', () => {
  it('is served only while there is a startup error, escaped, with the CSP', async () => {
    let message: string | null = null;
    const handler = createAppHandler(root, {
      startupError: () => message,
      renderError: (m: string) => renderErrorPage(m, '/home/u/.config/Recollection'),
    });
    expect((await handler(new Request(APP_ERROR_URL))).status).toBe(404);
    message = 'content <script>alert(1)</script> missing';
    const res = await handler(new Request(APP_ERROR_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    const html = await res.text();
    expect(html).toContain('content &lt;script&gt;alert(1)&lt;/script&gt; missing');
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/style=/);
    expect(html).toContain('/home/u/.config/Recollection');
    const css = await handler(new Request('app://bundle/__startup-error.css'));
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });
});

describe('registration', () => {
  it('registers app: as standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(fakes.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serveApp installs the handler on the session for the app scheme', async () => {
    const handle = vi.fn();
    serveApp({ protocol: { handle } } as never, root);
    expect(handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler(new Request('app://bundle/index.html'))).status).toBe(200);
    expect((await handler(new Request('app://bundle/..%2fsecret.txt'))).status).toBe(404);
  });
});
