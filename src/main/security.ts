/**
 * Locks the window down: no navigation, no new windows, no <webview>, no
 * permission, and no request that is not for the app's own files.
 *
 * Constraint: nothing leaves the app. The only exception is the development
 * server of `npm run dev` (its exact origin, never when packaged); links open
 * in the system browser only through app.openExternal, after a confirmation.
 */
import type { Session, WebContents } from 'electron';
import { APP_URL_PREFIX } from './protocol';

/** Permissions the page may use; every other one is refused. Writing to the
 * clipboard ("copy citation") reads nothing and sends nothing. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface TrustOptions {
  /** Origin of the electron-vite dev server (`npm run dev`), e.g. http://localhost:5173; undefined otherwise. */
  devOrigin?: string;
}

/** Whether the page is one of ours: app://bundle/… or, in development only, the dev server. */
export function isAppUrl(url: string, trust: TrustOptions = {}): boolean {
  if (url.startsWith(APP_URL_PREFIX)) return true;
  return trust.devOrigin !== undefined && (url === trust.devOrigin || url.startsWith(`${trust.devOrigin}/`));
}

/** Whether a network-stack request may proceed: our files, devtools, inline data. */
export function isAllowedRequest(url: string, trust: TrustOptions = {}): boolean {
  if (isAppUrl(url, trust)) return true;
  if (url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:app://')) return true;
  if (trust.devOrigin !== undefined) {
    // Vite's hot-reload socket: same host and port as the dev server, ws scheme.
    const ws = trust.devOrigin.replace(/^http/, 'ws');
    if (url === ws || url.startsWith(`${ws}/`)) return true;
  }
  return false;
}

function isPermissionAllowed(permission: string, origin: string, trust: TrustOptions): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(origin.endsWith('/') ? origin : `${origin}/`, trust);
}

/** Session-wide guards: permissions and the request filter. Call once, before the window loads. */
export function hardenSession(session: Session, trust: TrustOptions = {}): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(isPermissionAllowed(permission, contents.getURL(), trust));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trust),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, trust);
    if (!allowed) console.warn(`recollection: blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/** Per-page guards, for every WebContents ever created (app 'web-contents-created'). */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  // will-navigate covers the main frame only; a sub-frame (were one ever to load despite
  // frame-src 'none') must not navigate either.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
