/**
 * The link the app was started for rides on the page's first app.status
 * (src/main/start-link.ts): given once, the rest of the status untouched.
 */
import { describe, expect, it } from 'vitest';
import { withStartLink } from '../../src/main/start-link';
import { CHANNELS } from '../../src/shared/contract/channels';
import type { Handlers } from '../../src/shared/contract/derive';
import type { AppStatus, DeepLinkTarget } from '../../src/shared/contract/types';

const status: AppStatus = {
  version: '1.2.3',
  content: { ok: true, code: null, message: null },
  recovery: 'moved aside',
  electron: true,
  open: null,
};
const core = {
  ...Object.fromEntries(CHANNELS.map((c) => [c, () => c])),
  'app.status': () => status,
} as unknown as Handlers;

describe('withStartLink', () => {
  it('adds the pending link to the next status only, and leaves the rest of the status and the other channels alone', async () => {
    let pending: DeepLinkTarget | null = { type: 'block', id: 'c2.f2.po.1' };
    const handlers = withStartLink(core, () => {
      const once = pending;
      pending = null;
      return once;
    });
    expect(await handlers['app.status']({})).toEqual({ ...status, open: { type: 'block', id: 'c2.f2.po.1' } });
    expect(await handlers['app.status']({})).toEqual(status);
    expect(handlers['content.outline']).toBe(core['content.outline']);
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });
});
