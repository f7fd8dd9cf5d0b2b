/**
 * The preload's bridge: each call reaches exactly its own channel, anything
 * outside the contract never reaches ipcRenderer, listeners get the payload
 * alone, and the page is given `api` with nothing but invoke and on.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakes'));

const { CHANNELS, EVENTS } = await import('../../src/shared/contract/channels');
const { createClient } = await import('../../src/shared/contract/derive');
const { createBridge } = await import('../../src/preload/bridge');
const fakes = await import('./fakes');

beforeEach(() => {
  fakes.ipcRenderer.invoke.mockClear();
  fakes.ipcRenderer.on.mockClear();
  fakes.ipcRenderer.removeListener.mockClear();
});

describe('invoke', () => {
  it('each client method calls exactly its channel, once, with its argument', async () => {
    const client = createClient(createBridge(fakes.ipcRenderer)) as unknown as Record<
      string,
      Record<string, (a: unknown) => Promise<unknown>>
    >;
    for (const channel of CHANNELS) {
      const [domain, verb] = channel.split('.') as [string, string];
      fakes.ipcRenderer.invoke.mockClear();
      const args = { probe: channel };
      expect(await client[domain][verb](args)).toEqual({ ok: true, value: { channel, args } });
      expect(fakes.ipcRenderer.invoke.mock.calls).toEqual([[channel, args]]);
    }
  });

  it.each(['app.quit', 'content', '', '__proto__', 'constructor', 'toString', 'content.outline ', 42, null])(
    'refuses %j without touching ipcRenderer',
    async (channel) => {
      const bridge = createBridge(fakes.ipcRenderer);
      const answer = await bridge.invoke(channel as never, {} as never);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(fakes.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );
});

describe('on', () => {
  it('hands the listener the payload only, never the IPC event', () => {
    const bridge = createBridge(fakes.ipcRenderer);
    const listener = vi.fn();
    bridge.on('app.command', listener);
    const [channel, forward] = fakes.ipcRenderer.on.mock.calls[0] as unknown as [string, (...args: unknown[]) => void];
    expect(channel).toBe('app.command');
    const ipcEvent = { sender: fakes.ipcRenderer, senderId: 0 };
    forward(ipcEvent, { command: 'search' }, 'extra');
    expect(listener.mock.calls).toEqual([[{ command: 'search' }]]);
  });

  it('returns an unsubscribe that removes that very listener', () => {
    const bridge = createBridge(fakes.ipcRenderer);
    const off = bridge.on('app.recovered', () => {});
    const forward = (fakes.ipcRenderer.on.mock.calls[0] as unknown[])[1];
    off();
    expect(fakes.ipcRenderer.removeListener).toHaveBeenCalledWith('app.recovered', forward);
  });

  it('refuses events outside the contract', () => {
    const bridge = createBridge(fakes.ipcRenderer);
    for (const event of ['app.secret', 'ELECTRON_BROWSER_REQUIRE', ...EVENTS.map((e) => `${e}x`)]) {
      expect(() => bridge.on(event as never, () => {})).toThrow(/unknown event/);
    }
    expect(() => bridge.on('app.command', 'nope' as never)).toThrow(/function/);
    expect(fakes.ipcRenderer.on).not.toHaveBeenCalled();
  });
});

describe('preload entry', () => {
  it('exposes `api` with invoke and on only, and never ipcRenderer', async () => {
    await import('../../src/preload/index');
    expect(fakes.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = fakes.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('api');
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(api)).not.toContain(fakes.ipcRenderer);
    await (api['invoke'] as (c: string, a: unknown) => Promise<unknown>)('content.outline', {});
    expect(fakes.ipcRenderer.invoke).toHaveBeenCalledWith('content.outline', {});
  });
});
