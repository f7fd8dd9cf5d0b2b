import { describe, expect, it } from 'vitest';
import { argSchemas } from './contract/channels';
import { onFirstUse, once } from './lazy';

describe('onFirstUse', () => {
  it('lists every key before making any value, makes a value on its first read only, and keeps it', () => {
    const made: string[] = [];
    const record = onFirstUse({
      a: () => (made.push('a'), { name: 'a' }),
      b: () => (made.push('b'), 2),
    });
    expect(Object.keys(record)).toEqual(['a', 'b']);
    expect(Object.prototype.hasOwnProperty.call(record, 'a')).toBe(true);
    expect(made).toEqual([]);
    const first = record.a;
    expect(record.a).toBe(first);
    expect(made).toEqual(['a']);
    expect(record.b).toBe(2);
    expect(made).toEqual(['a', 'b']);
  });

  it("gives the contract's schemas as working zod schemas, the same object on every read", () => {
    const schema = argSchemas['search.query'];
    expect(argSchemas['search.query']).toBe(schema);
    expect(schema.safeParse({ q: 'remittances', limit: 5 }).success).toBe(true);
    expect(schema.safeParse({ q: 'remittances', limit: 0 }).success).toBe(false);
    expect(schema.safeParse({ q: 'x', unknown: 1 }).success).toBe(false);
  });
});

describe('once', () => {
  it('makes the value on the first call and returns the same value after', () => {
    let calls = 0;
    const get = once(() => ({ n: ++calls }));
    expect(calls).toBe(0);
    const v = get();
    expect(get()).toBe(v);
    expect(calls).toBe(1);
  });
});
