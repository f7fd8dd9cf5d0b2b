/**
 * The app:// scheme: serves the built renderer (out/renderer) to the window,
 * so the page never runs from file:// and every response carries our CSP.
 *
 * Constraints: the scheme is registered as privileged BEFORE `app` is ready;
 * a request can only ever read a file inside the renderer root (anything that
 * resolves outside, however encoded or through a symbolic link, is a 404); every response, errors
 * included, carries the Content-Security-Policy below.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { protocol, type Session } from 'electron';
import { ERROR_CSS, ERROR_CSS_PATH, ERROR_PAGE_PATH } from './error-page';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
/** Every page and asset of the app lives under this prefix. */
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_INDEX_URL = `${APP_URL_PREFIX}index.html`;
export const APP_ERROR_URL = `${APP_URL_PREFIX}${ERROR_PAGE_PATH.slice(1)}`;

/**
 * The page may load only its own files: no inline or evaluated script, no
 * remote origin, no plugin, no frame (in or around it), no form posting
 * anywhere. Trusted Types with no policy at all: any string that reaches an
 * HTML/script sink (innerHTML, script src…) throws instead of running; React
 * renders through DOM calls and the app never writes HTML, so nothing needs one.
 * index.html repeats it in a meta tag (defence in depth for the browser harness).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
  "form-action 'none'",
].join('; ');

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function respond(status: number, body: string | Uint8Array | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
  });
}

const notFound = (): Response => respond(404, 'Not found', 'text/plain; charset=utf-8');

/**
 * The file a URL path names inside `root`, or null when the path is malformed
 * or would leave the root (`..`, encoded `%2e%2e` / `%2f` / `%5c`, NUL bytes, drive letters).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const full = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return isBelow(base, full) ? full : null;
}

/** Whether `child` is `parent` itself or lies below it (both already resolved). */
function isBelow(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The real path of `file` (every symbolic link followed) when it still lies
 * inside the real root, else null. resolveInside checks the text of the path
 * only: a link inside the served folder may point anywhere on the disk.
 */
export async function realInside(root: string, file: string): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return isBelow(realRoot, realFile) ? realFile : null;
  } catch {
    return null;
  }
}

export interface AppHandlerOptions {
  /** The message of a startup failure, served as a static page at ERROR_PAGE_PATH; null when none. */
  startupError?: () => string | null;
  /** Renders that page (kept apart so the handler stays small). */
  renderError?: (message: string) => string;
}

/** The request handler of app://, independent of Electron so it can be tested with plain Requests. */
export function createAppHandler(
  root: string,
  options: AppHandlerOptions = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();

    const message = options.startupError?.() ?? null;
    if (url.pathname === ERROR_PAGE_PATH && message !== null && options.renderError) {
      return respond(200, options.renderError(message), MIME['.html']);
    }
    if (url.pathname === ERROR_CSS_PATH) return respond(200, ERROR_CSS, MIME['.css']);

    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const named = resolveInside(root, path);
    const file = named === null ? null : await realInside(root, named);
    if (file === null) return notFound();
    try {
      const info = await stat(file);
      if (!info.isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      return respond(200, body, mimeType(file));
    } catch {
      return notFound();
    }
  };
}

/** Must run before `app` is ready: app:// behaves like https (standard, secure, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveApp(session: Session, root: string, options: AppHandlerOptions = {}): void {
  session.protocol.handle(APP_SCHEME, createAppHandler(root, options));
}
