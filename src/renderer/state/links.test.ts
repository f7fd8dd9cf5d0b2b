/**
 * Start-up links: a deep link that arrives while the app starts is opened by
 * start-up (not overridden by the last place, not opened before the outline),
 * and after start-up links are followed at once.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DeepLinkTarget } from '../../shared/contract/types';
import { createStartupLinks } from './links';

const block = (id: string): DeepLinkTarget => ({ type: 'block', id });
const page = (id: string): DeepLinkTarget => ({ type: 'page', id });

describe('links while starting up', () => {
  it('holds links until ready, the latest winning, and hands it to start-up instead of following it', () => {
    const follow = vi.fn();
    const links = createStartupLinks(follow);
    links.offer(block('c2.f2.po.1'));
    links.offer(page('c3.f1'));
    links.offer(null);
    expect(follow).not.toHaveBeenCalled();
    expect(links.forBoot()).toEqual(page('c3.f1'));
    links.ready();
    expect(follow).not.toHaveBeenCalled(); // start-up opened it already
  });

  it('follows links at once after ready', () => {
    const follow = vi.fn();
    const links = createStartupLinks(follow);
    expect(links.forBoot()).toBeNull();
    links.ready();
    links.offer(block('c2.f2.po.1'));
    links.offer(null);
    expect(follow.mock.calls).toEqual([[block('c2.f2.po.1')]]);
  });

  it('follows, once ready, a link that came after start-up read its own', () => {
    const follow = vi.fn();
    const links = createStartupLinks(follow);
    links.offer(page('first'));
    expect(links.forBoot()).toEqual(page('first'));
    links.offer(page('late'));
    expect(follow).not.toHaveBeenCalled();
    links.ready();
    expect(follow.mock.calls).toEqual([[page('late')]]);
    expect(links.forBoot()).toBeNull();
  });

  it('answers the same link to a start-up run twice', () => {
    const links = createStartupLinks(vi.fn());
    links.offer(block('b1'));
    expect(links.forBoot()).toEqual(block('b1'));
    expect(links.forBoot()).toEqual(block('b1'));
  });

  it('keeps a held link across a failed start-up for the retry, and holds again while retrying', () => {
    const follow = vi.fn();
    const links = createStartupLinks(follow);
    links.offer(block('b1')); // the first start-up fails before reading it: no ready()
    links.boot();
    expect(links.forBoot()).toEqual(block('b1'));
    links.ready();
    links.boot();
    links.offer(page('p2'));
    expect(follow).not.toHaveBeenCalled();
    expect(links.forBoot()).toEqual(page('p2'));
  });
});
