/**
 * The window's lock-down: navigation, new windows and <webview> are refused,
 * permissions denied, and every request that is not for the app's own files
 * is cancelled. Real handlers from src/main/security.ts on recording fakes.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakes'));

const { hardenContents, hardenSession, isAllowedRequest, isAppUrl } = await import('../../src/main/security');
const { FakeEvent, FakeWebContents } = await import('./fakes');

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheck = (contents: unknown, permission: string, origin: string) => boolean;
type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

function fakeSession() {
  const recorded: {
    request?: PermissionRequest;
    check?: PermissionCheck;
    device?: () => boolean;
    beforeRequest?: BeforeRequest;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: PermissionRequest) => (recorded.request = h),
    setPermissionCheckHandler: (h: PermissionCheck) => (recorded.check = h),
    setDevicePermissionHandler: (h: () => boolean) => (recorded.device = h),
    webRequest: { onBeforeRequest: (h: BeforeRequest) => (recorded.beforeRequest = h) },
  };
  return { session, recorded };
}

function cancelled(listener: BeforeRequest, url: string): boolean {
  let answer: { cancel?: boolean } | undefined;
  listener({ url }, (r) => (answer = r));
  if (answer === undefined) throw new Error('no answer');
  return answer.cancel === true;
}

describe('page guards', () => {
  it('prevents every navigation, redirect and <webview>', () => {
    const contents = new FakeWebContents();
    hardenContents(contents as never);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = new FakeEvent();
      contents.emit(name, event, name === 'will-attach-webview' ? {} : 'https://example.org/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    const own = new FakeEvent();
    contents.emit('will-navigate', own, 'app://bundle/index.html');
    expect(own.defaultPrevented).toBe(true);
  });

  it('denies every new window', () => {
    const contents = new FakeWebContents();
    hardenContents(contents as never);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('session guards', () => {
  const { session, recorded } = fakeSession();
  hardenSession(session as never);
  const page = { getURL: () => 'app://bundle/index.html' };

  it('denies permission requests (camera, location, notifications, …)', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      recorded.request!(page, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(recorded.check!(page, permission, 'app://bundle'), permission).toBe(false);
    }
    expect(recorded.device!()).toBe(false);
  });

  it('lets only our own page write to the clipboard', () => {
    const callback = vi.fn();
    recorded.request!(page, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(recorded.check!(page, 'clipboard-sanitized-write', 'app://bundle')).toBe(true);
    expect(recorded.check!(page, 'clipboard-sanitized-write', 'https://example.org')).toBe(false);
    const foreign = vi.fn();
    recorded.request!({ getURL: () => 'https://example.org/' }, 'clipboard-sanitized-write', foreign);
    expect(foreign).toHaveBeenCalledWith(false);
  });

  it('cancels every request that does not stay inside the app', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const url of [
      'https://example.org/',
      'http://localhost:5173/',
      'http://127.0.0.1/',
      'wss://example.org/socket',
      'file:///etc/passwd',
      'ftp://example.org/',
      'app.evil://bundle/',
      'app://bundlex/index.html',
    ]) {
      expect(cancelled(recorded.beforeRequest!, url), url).toBe(true);
    }
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('lets app://, devtools and inline data through', () => {
    for (const url of [
      'app://bundle/index.html',
      'app://bundle/assets/x.js',
      'devtools://devtools/bundled/x.html',
      'data:image/png;base64,AA==',
    ]) {
      expect(cancelled(recorded.beforeRequest!, url), url).toBe(false);
    }
  });
});

describe('development server', () => {
  it('is trusted only at its exact origin and only when given', () => {
    const trust = { devOrigin: 'http://localhost:5173' };
    expect(isAppUrl('http://localhost:5173/index.html', trust)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', trust)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', trust)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173.evil.org/', trust)).toBe(false);
    expect(isAllowedRequest('https://example.org/', trust)).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html')).toBe(false);
  });
});
