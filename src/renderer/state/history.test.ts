import { describe, expect, it } from 'vitest';
import { emptyHistory, HISTORY_LIMIT, leave, RECENT_LIMIT, step, type Place } from './history';

const p = (pageId: string, blockId: string | null = null): Place => ({ pageId, blockId });

describe('place history', () => {
  it('goes back to the place before, then forward again', () => {
    let h = leave(emptyHistory(), null, p('c2.f2', 'c2.f2.po.1'));
    h = leave(h, p('c2.f2', 'c2.f2.po.3'), p('c4.f1'));
    const back = step(h, p('c4.f1'), -1);
    expect(back?.to).toEqual(p('c2.f2', 'c2.f2.po.3'));
    const fwd = back && step(back.history, back.to, 1);
    expect(fwd?.to).toEqual(p('c4.f1'));
    expect(fwd && step(fwd.history, fwd.to, 1)).toBeNull();
  });

  it('drops Forward when going somewhere new after Back, and keeps one entry for a place repeated', () => {
    let h = leave(emptyHistory(), p('a'), p('b'));
    h = leave(h, p('b'), p('b'));
    expect(h.back).toEqual([p('a')]);
    const back = step(h, p('b'), -1);
    if (!back) throw new Error('no back');
    h = leave(back.history, p('a'), p('c'));
    expect(h.forward).toEqual([]);
    expect(h.back).toEqual([p('a')]);
  });

  it('bounds both lists and keeps one recent entry per page, newest first', () => {
    let h = emptyHistory();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = leave(h, p(`x${i}`), p(`x${i + 1}`));
    expect(h.back).toHaveLength(HISTORY_LIMIT);
    expect(h.recent).toHaveLength(RECENT_LIMIT);
    h = leave(h, p('x5'), p(`x${HISTORY_LIMIT + 18}`, 'b'));
    expect(h.recent[0]).toEqual(p(`x${HISTORY_LIMIT + 18}`, 'b'));
    expect(h.recent.filter((r) => r.pageId === `x${HISTORY_LIMIT + 18}`)).toHaveLength(1);
  });
});
