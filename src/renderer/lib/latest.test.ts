import { describe, expect, it } from 'vitest';
import { latestAnswer } from './latest';

describe('latestAnswer', () => {
  it('keeps only the newest request current', () => {
    const series = latestAnswer();
    const first = series.next();
    expect(first()).toBe(true);
    const second = series.next();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    series.cancel();
    expect(second()).toBe(false);
  });

  it('drops a slow older answer that arrives after a newer one', async () => {
    const series = latestAnswer();
    const shown: string[] = [];
    const ask = (answer: string, ms: number): Promise<void> => {
      const current = series.next();
      return new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => {
        if (current()) shown.push(answer);
      });
    };
    await Promise.all([ask('old', 30), ask('new', 5)]);
    expect(shown).toEqual(['new']);
  });
});
