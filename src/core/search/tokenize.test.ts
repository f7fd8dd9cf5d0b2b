/**
 * The tokenizer: codes kept whole, URLs skipped, offsets, hyphenated compounds.
 */
import { describe, expect, it } from 'vitest';
import { indexTokens, indexTokensWithOffsets, queryTokens, scanWords } from './tokenize';

describe('tokenizer', () => {
  it('keeps SDG codes, indicators and thousands as single tokens', () => {
    const text = 'SDG 10.7 and SDG target 10.c, indicator 10.7.1 (SDG 3.c); over 1,000 examples; 2.84 percent.';
    expect(scanWords(text).map((t) => t.text)).toEqual([
      'SDG',
      '10.7',
      'and',
      'SDG',
      'target',
      '10.c',
      'indicator',
      '10.7.1',
      'SDG',
      '3.c',
      'over',
      '1,000',
      'examples',
      '2.84',
      'percent',
    ]);
  });

  it('does not glue a sentence end to the next word', () => {
    expect(scanWords('by 2030. A new').map((t) => t.text)).toEqual(['by', '2030', 'A', 'new']);
  });

  it('skips URLs', () => {
    const text = 'GFMD, Platform for Partnerships, https://gfmd.org/pfp/ppd and www.un.org/x labour-migration';
    expect(scanWords(text).map((t) => t.text)).toEqual([
      'GFMD',
      'Platform',
      'for',
      'Partnerships',
      'and',
      'labour',
      'migration',
    ]);
  });

  it('gives offsets that point at the word', () => {
    const text = 'Migrants’ rights in Côte d’Ivoire, 10.7.';
    for (const t of scanWords(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(scanWords(text).map((t) => t.text)).toContain('d’Ivoire');
  });

  it('indexes a hyphenated compound as its parts and joined', () => {
    expect(indexTokens('a multi-stakeholder and whole-of-government approach')).toEqual([
      'a',
      'multi',
      'stakeholder',
      'and',
      'whole',
      'of',
      'government',
      'approach',
      'multistakeholder',
      'wholeofgovernment',
    ]);
    const joined = indexTokensWithOffsets('pre-departure').at(-1);
    expect(joined).toEqual({ text: 'predeparture', start: 0, end: 13 });
  });

  it('also indexes a compound without its leading or trailing function words', () => {
    expect(indexTokens('the-whole-of-Government')).toEqual([
      'the',
      'whole',
      'of',
      'Government',
      'thewholeofGovernment',
      'wholeofGovernment',
    ]);
    expect(indexTokens('state-of-the-art')).toEqual(['state', 'of', 'the', 'art', 'stateoftheart']);
  });

  it('queries a compound by its joined form only', () => {
    expect(queryTokens('multi-stakeholder partnerships')).toEqual(['multistakeholder', 'partnerships']);
    // Numbers joined by a hyphen are a range, not a compound.
    expect(queryTokens('2017-2018')).toEqual(['2017', '2018']);
  });
});
