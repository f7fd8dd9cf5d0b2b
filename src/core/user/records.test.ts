/** Tag normalisation, quote context and safe enum reads. */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits';
import { asColor, asPosition, contextAround, CONTEXT_CHARS, excerpt, normalizeTags } from './records';

describe('records helpers', () => {
  it('normalises tags: trims, collapses spaces, merges case-insensitive duplicates, keeps order', () => {
    expect(normalizeTags(['  Labour  mobility ', 'ILO', 'labour mobility', '', '   ', 'ilo', 'SDG 10.7'])).toEqual([
      'Labour mobility',
      'ILO',
      'SDG 10.7',
    ]);
  });

  it('caps tag count and length at the contract limits', () => {
    const many = Array.from({ length: LIMITS.tagsPerNote + 5 }, (_, i) => `t${i}`);
    expect(normalizeTags(many)).toHaveLength(LIMITS.tagsPerNote);
    expect(normalizeTags(['x'.repeat(LIMITS.tagLength + 10)])[0]).toHaveLength(LIMITS.tagLength);
  });

  it('takes up to CONTEXT_CHARS of context on each side', () => {
    const text = `${'a'.repeat(50)}QUOTE${'b'.repeat(10)}`;
    expect(contextAround(text, 50, 55)).toEqual({ prefix: 'a'.repeat(CONTEXT_CHARS), suffix: 'b'.repeat(10) });
    expect(contextAround('QUOTE', 0, 5)).toEqual({ prefix: '', suffix: '' });
  });

  it('reads unknown enum values as null', () => {
    expect(asColor('green')).toBe('green');
    expect(asColor('magenta')).toBeNull();
    expect(asPosition('red-line')).toBe('red-line');
    expect(asPosition(3)).toBeNull();
  });

  it('makes one-line excerpts', () => {
    expect(excerpt('a\n\nb   c')).toBe('a b c');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
