import { describe, expect, it } from 'vitest';
import { clip, countOf, sentenceCase } from './text';

describe('sentenceCase', () => {
  it('tames an all-capitals title and keeps mixed case as printed', () => {
    expect(sentenceCase('HUMAN RIGHTS OF ALL MIGRANTS, SOCIAL INCLUSION')).toBe(
      'Human rights of all migrants, social inclusion',
    );
    expect(sentenceCase('Fair and ethical recruitment of migrant workers')).toBe(
      'Fair and ethical recruitment of migrant workers',
    );
    expect(sentenceCase('IOM')).toBe('IOM');
  });
});

describe('clip', () => {
  it('cuts at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(clip('Improve remittances data to foster effective policies', 30)).toBe('Improve remittances data to…');
    expect(clip('short', 30)).toBe('short');
  });
});

describe('countOf', () => {
  it('says one without a plural and any other number with it', () => {
    expect([countOf(0, 'note'), countOf(1, 'note'), countOf(1200, 'position')]).toEqual([
      '0 notes',
      '1 note',
      '1,200 positions',
    ]);
  });
});
