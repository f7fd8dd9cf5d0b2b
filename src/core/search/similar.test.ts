/**
 * Edit distance and the nearest document word for "did you mean".
 */
import { describe, expect, it } from 'vitest';
import type { Vocabulary } from './documents';
import { closestTerm, editDistance } from './similar';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('remitance', 'remittance', 3)).toBe(1);
    expect(editDistance('migarnt', 'migrant', 3)).toBe(1); // swapped letters count once
    expect(editDistance('xenofobia', 'xenophobia', 3)).toBe(2);
    expect(editDistance('same', 'same', 1)).toBe(0);
  });

  it('stops early past the cut-off', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('closest term', () => {
  const vocab: Vocabulary = {
    remittance: ['remittances', 40],
    remit: ['remit', 1],
    iris: ['IRIS', 2],
    trafficking: ['trafficking', 30],
    '10.7': ['10.7', 4],
  };

  it('picks the nearest, then the most used, and returns the document spelling', () => {
    expect(closestTerm('remitance', vocab)).toBe('remittances');
    expect(closestTerm('trafficing', vocab)).toBe('trafficking');
    expect(closestTerm('irs', vocab)).toBe('IRIS'); // an acronym keeps its capitals
  });

  it('returns null when nothing is close', () => {
    expect(closestTerm('zzzzzz', vocab)).toBeNull();
  });
});
