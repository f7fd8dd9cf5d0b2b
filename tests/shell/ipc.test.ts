/**
 * The IPC shell: exactly the contract's channels are registered, each checks
 * its sender (our window's main frame on an app:// page) before dispatch()
 * validates the arguments; events go out only under contract names.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/shared/contract/derive';

vi.mock('electron', () => import('./fakes'));

const { CHANNELS, EVENTS } = await import('../../src/shared/contract/channels');
const { registerIpc, sendEvent, UNTRUSTED_SENDER } = await import('../../src/main/ipc');
const fakes = await import('./fakes');

let calls: Array<{ channel: string; args: unknown }>;
const handlers = Object.fromEntries(
  CHANNELS.map((channel) => [
    channel,
    (args: unknown) => {
      calls.push({ channel, args });
      return { answered: channel };
    },
  ]),
) as unknown as Handlers;

let window: InstanceType<typeof fakes.BrowserWindow>;
let dispose: () => void;

beforeEach(() => {
  dispose?.();
  calls = [];
  window = new fakes.BrowserWindow({});
  dispose = registerIpc({ handlers, window: () => window as never });
});

const invoke = (channel: string, event: unknown, args: unknown): Promise<unknown> =>
  Promise.resolve(fakes.ipcMain.handlers.get(channel)!(event, args));
const trusted = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });

describe('registration', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...fakes.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(fakes.ipcMain.handlers.size).toBe(CHANNELS.length);
  });

  it('removes them all again', () => {
    dispose();
    expect(fakes.ipcMain.handlers.size).toBe(0);
    dispose = registerIpc({ handlers, window: () => window as never });
  });
});

describe('a trusted request', () => {
  it('reaches the handler of its own channel, in the shell context', async () => {
    expect(await invoke('content.block', trusted(), { id: 'c2.f3.po.1' })).toEqual({
      ok: true,
      value: { answered: 'content.block' },
    });
    expect(calls).toEqual([{ channel: 'content.block', args: { id: 'c2.f3.po.1' } }]);
  });

  it('is still validated against the channel schema', async () => {
    const answer = (await invoke('content.block', trusted(), { id: 'x', extra: 1 })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('INVALID_ARGUMENT');
    expect(calls).toEqual([]);
  });
});

describe('an untrusted sender is refused before its arguments are read', () => {
  const cases: Array<[string, () => unknown]> = [
    [
      'a frame of another page',
      () => ({ sender: window.webContents, senderFrame: new fakes.FakeFrame('app://bundle/index.html', 1, 99) }),
    ],
    [
      'a frame in another process',
      () => ({ sender: window.webContents, senderFrame: new fakes.FakeFrame('app://bundle/index.html', 7, 1) }),
    ],
    [
      'a remote URL in our frame',
      () => {
        window.webContents.mainFrame.url = 'https://example.org/';
        return trusted();
      },
    ],
    [
      'a file: URL in our frame',
      () => {
        window.webContents.mainFrame.url = 'file:///tmp/evil.html';
        return trusted();
      },
    ],
    [
      'a sub-frame',
      () => {
        const child = new fakes.FakeFrame('app://bundle/index.html', 1, 1);
        child.parent = window.webContents.mainFrame;
        return { sender: window.webContents, senderFrame: child };
      },
    ],
    [
      'a detached frame',
      () => {
        window.webContents.mainFrame.detached = true;
        return trusted();
      },
    ],
    ['a frame that is gone', () => ({ sender: window.webContents, senderFrame: null })],
    [
      'another web contents',
      () => ({ sender: new fakes.FakeWebContents(), senderFrame: window.webContents.mainFrame }),
    ],
    [
      'a closed window',
      () => {
        window.destroyed = true;
        return trusted();
      },
    ],
  ];

  it.each(cases)('%s', async (_name, event) => {
    expect(await invoke('bookmarks.list', event(), {})).toEqual(UNTRUSTED_SENDER);
    expect(calls).toEqual([]);
  });

  it('no window at all', async () => {
    dispose();
    dispose = registerIpc({ handlers, window: () => null });
    expect(await invoke('bookmarks.list', trusted(), {})).toEqual(UNTRUSTED_SENDER);
  });
});

describe('events', () => {
  it('sends contract events to the page', () => {
    expect(sendEvent(window as never, 'app.command', { command: 'search' })).toBe(true);
    expect(window.webContents.sent).toEqual([['app.command', { command: 'search' }]]);
    expect(EVENTS).toContain('app.command');
  });

  it('refuses other names and closed windows', () => {
    expect(sendEvent(window as never, 'app.evil' as never, { command: 'search' } as never)).toBe(false);
    window.destroyed = true;
    expect(sendEvent(window as never, 'app.command', { command: 'print' })).toBe(false);
    expect(sendEvent(null, 'app.command', { command: 'print' })).toBe(false);
    expect(window.webContents.sent).toEqual([]);
  });
});
