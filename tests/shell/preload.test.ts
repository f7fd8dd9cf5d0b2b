/**
 * The preload's bridge: each call reaches exactly its own channel, anything
 * outside the contract never reaches ipcRenderer, listeners get the payload
 * alone, events sent before the page listens are held (bounded, in order) for
 * its first listener, and the page is given `api` with nothing but invoke and on.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcLike } from '../../src/preload/bridge';

vi.mock('electron', () => import('./fakes'));

const { CHANNELS, EVENTS } = await import('../../src/shared/contract/channels');
const { createClient } = await import('../../src/shared/contract/derive');
const { createBridge, HELD_PER_EVENT } = await import('../../src/preload/bridge');
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

/** An ipcRenderer stand-in that lets a test send events as main would, with an IPC event object first. */
function fakeIpc() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipc = {
    invoke: vi.fn(),
    on: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => void) => {
      handlers.set(channel, handler);
    }),
  } satisfies IpcLike;
  const send = (event: string, ...args: unknown[]): void => {
    const handler = handlers.get(event);
    if (!handler) throw new Error(`the bridge does not listen to ${event}`);
    handler({ sender: ipc, senderId: 0 }, ...args);
  };
  return { ipc, send };
}

/** Lets every queued microtask run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('on', () => {
  it('listens to every contract event once, as soon as it is created, and never again', () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(ipc.on.mock.calls.map(([channel]) => channel)).toEqual([...EVENTS]);
    bridge.on('app.open', () => {});
    bridge.on('app.open', () => {});
    expect(ipc.on).toHaveBeenCalledTimes(EVENTS.length);
  });

  it('hands the listener the payload only, never the IPC event', () => {
    const { ipc, send } = fakeIpc();
    const listener = vi.fn();
    createBridge(ipc).on('app.command', listener);
    send('app.command', { command: 'search' }, 'extra');
    expect(listener.mock.calls).toEqual([[{ command: 'search' }]]);
  });

  it('delivers what came before the first listener, in order, after `on` returned, then live events', async () => {
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    send('app.open', { type: 'block', id: 'c2.f2.po.1' });
    send('app.recovered', { message: 'restored from backup' });
    send('app.open', { type: 'page', id: 'c3.f1' });
    const opened = vi.fn();
    bridge.on('app.open', opened);
    expect(opened).not.toHaveBeenCalled();
    await settle();
    send('app.open', { type: 'page', id: 'c4' });
    expect(opened.mock.calls).toEqual([
      [{ type: 'block', id: 'c2.f2.po.1' }],
      [{ type: 'page', id: 'c3.f1' }],
      [{ type: 'page', id: 'c4' }],
    ]);
    // Each event keeps its own: app.recovered was not handed to the app.open listener, and still waits.
    const recovered = vi.fn();
    bridge.on('app.recovered', recovered);
    await settle();
    expect(recovered.mock.calls).toEqual([[{ message: 'restored from backup' }]]);
  });

  it('keeps held events in order when a live one arrives before the delivery of the held ones', () => {
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    send('app.open', { type: 'page', id: 'held' });
    const opened = vi.fn();
    bridge.on('app.open', opened);
    send('app.open', { type: 'page', id: 'live' });
    expect(opened.mock.calls.map(([link]) => (link as { id: string }).id)).toEqual(['held', 'live']);
  });

  it(`holds at most ${HELD_PER_EVENT} per event, dropping the oldest`, async () => {
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    const total = HELD_PER_EVENT + 5;
    for (let i = 0; i < total; i++) send('app.recovered', { message: `m${i}` });
    const listener = vi.fn();
    bridge.on('app.recovered', listener);
    await settle();
    expect(listener.mock.calls.map(([p]) => (p as { message: string }).message)).toEqual(
      Array.from({ length: HELD_PER_EVENT }, (_, i) => `m${i + 5}`),
    );
  });

  it('gives held events to the first listener only and live events to all', async () => {
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    send('app.command', { command: 'print' });
    const first = vi.fn();
    const second = vi.fn();
    bridge.on('app.command', first);
    bridge.on('app.command', second);
    await settle();
    send('app.command', { command: 'search' });
    expect(first.mock.calls).toEqual([[{ command: 'print' }], [{ command: 'search' }]]);
    expect(second.mock.calls).toEqual([[{ command: 'search' }]]);
  });

  it('delivers nothing after unsubscribe, and holds again once nobody listens', async () => {
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    const gone = vi.fn();
    const off = bridge.on('app.open', gone);
    send('app.open', { type: 'page', id: 'a' });
    off();
    send('app.open', { type: 'page', id: 'b' });
    await settle();
    expect(gone.mock.calls).toEqual([[{ type: 'page', id: 'a' }]]);
    const next = vi.fn();
    bridge.on('app.open', next);
    await settle();
    expect(next.mock.calls).toEqual([[{ type: 'page', id: 'b' }]]);
  });

  it('a listener that leaves before the held events are delivered gets none; the next one does', async () => {
    // What React's development mode does with an effect: subscribe, unsubscribe, subscribe again.
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    send('app.open', { type: 'block', id: 'c2.f2.po.1' });
    const first = vi.fn();
    bridge.on('app.open', first)();
    const second = vi.fn();
    bridge.on('app.open', second);
    await settle();
    expect(first).not.toHaveBeenCalled();
    expect(second.mock.calls).toEqual([[{ type: 'block', id: 'c2.f2.po.1' }]]);
  });

  it('a listener unsubscribed by another during a delivery does not get that event', () => {
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    const second = vi.fn();
    bridge.on('app.command', () => offSecond());
    const offSecond = bridge.on('app.command', second);
    send('app.command', { command: 'search' });
    expect(second).not.toHaveBeenCalled();
  });

  it('refuses events outside the contract, and a refused call takes nothing that is held', async () => {
    const { ipc, send } = fakeIpc();
    const bridge = createBridge(ipc);
    send('app.command', { command: 'export' });
    for (const event of ['app.secret', 'ELECTRON_BROWSER_REQUIRE', ...EVENTS.map((e) => `${e}x`)]) {
      expect(() => bridge.on(event as never, () => {})).toThrow(/unknown event/);
    }
    expect(() => bridge.on('app.command', 'nope' as never)).toThrow(/function/);
    expect(ipc.on).toHaveBeenCalledTimes(EVENTS.length);
    const listener = vi.fn();
    bridge.on('app.command', listener);
    await settle();
    expect(listener.mock.calls).toEqual([[{ command: 'export' }]]);
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
