import { describe, expect, it } from 'vitest';
import { fold, termRanges } from './terms';

const words = (text: string, terms: string[]): string[] => termRanges(text, terms).map(([s, e]) => text.slice(s, e));

describe('termRanges', () => {
  it('finds the matched words whatever their case', () => {
    expect(words('Remittances and remittance costs', ['remittances'])).toEqual(['Remittances']);
    expect(words('Remittances and remittance costs', ['remittance', 'costs'])).toEqual(['remittance', 'costs']);
  });

  it('folds British and American spellings the same way', () => {
    expect(fold('labour')).toBe(fold('labor'));
    expect(fold('organisation')).toBe(fold('organization'));
    expect(fold('programmes')).toBe(fold('programs'));
    expect(words('Labour mobility and organisations', ['labor', 'organizations'])).toEqual(['Labour', 'organisations']);
  });

  it('folds diacritics', () => {
    expect(words('Jürg Lauber and José', ['jurg', 'jose'])).toEqual(['Jürg', 'José']);
  });

  it('keeps SDG codes whole and finds the parts of compound words', () => {
    expect(words('SDG target 10.7 and 10.c', ['10.7'])).toEqual(['10.7']);
    expect(words('gender-sensitive policies', ['gender'])).toEqual(['gender']);
  });

  it('marks nothing for no terms, and no partial words', () => {
    expect(termRanges('migration migrants', [])).toEqual([]);
    expect(words('migration migrants', ['migrant'])).toEqual([]);
  });
});
