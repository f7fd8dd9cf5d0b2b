/**
 * Snippets: which words are highlighted, the window chosen, cuts at spaces,
 * offsets that point into the snippet text.
 */
import { describe, expect, it } from 'vitest';
import { SNIPPET_WIDTH, makeSnippet, matchSpans } from './snippet';
import { normalizeTerm } from './spelling';

const terms = (...words: string[]): Set<string> => new Set(words.map((w) => normalizeTerm(w) ?? w));

describe('snippets', () => {
  it('highlights every form of a matched term, through spelling folding', () => {
    const text = 'Labour mobility and labor migration; the Labor market.';
    const spans = matchSpans(text, terms('labour'));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Labour', 'labor', 'Labor']);
  });

  it('returns a short text whole, with offsets into it', () => {
    const text = 'Set up online portals to compare remittances costs.';
    const snip = makeSnippet(text, matchSpans(text, terms('remittance', 'cost')));
    expect(snip.text).toBe(text);
    expect(snip.highlights.map(([a, b]) => snip.text.slice(a, b))).toEqual(['remittances', 'costs']);
  });

  it('windows a long text around the densest matches, cutting at spaces, with ellipses', () => {
    const filler = 'lorem ipsum dolor sit amet consectetur '.repeat(12);
    const text = `${filler}the International Recruitment Integrity System (IRIS) supports ethical recruitment. ${filler}`;
    const snip = makeSnippet(text, matchSpans(text, terms('iris', 'recruitment')));
    expect(snip.text.length).toBeLessThanOrEqual(SNIPPET_WIDTH + 2);
    expect(snip.text.startsWith('…')).toBe(true);
    expect(snip.text.endsWith('…')).toBe(true);
    expect(snip.text).toContain('(IRIS)');
    // Cut at word boundaries: the first and last words are whole words of the text.
    const words = snip.text.slice(1, -1).split(' ');
    expect(text).toContain(` ${words[0]} `);
    expect(text).toContain(` ${words[words.length - 1]} `);
    const marked = snip.highlights.map(([a, b]) => snip.text.slice(a, b));
    expect(marked).toEqual(['Recruitment', 'IRIS', 'recruitment']);
  });

  it('prefers the window with more distinct terms over a run of one term', () => {
    const a = 'migration '.repeat(30);
    const text = `${a} filler words here ${'x '.repeat(80)} migration and remittances together ${'y '.repeat(80)}`;
    const snip = makeSnippet(text, matchSpans(text, terms('migration', 'remittances')));
    expect(snip.highlights.map(([s, e]) => snip.text.slice(s, e))).toContain('remittances');
  });

  it('shows the beginning when nothing in the text matched', () => {
    const text = 'word '.repeat(100);
    const snip = makeSnippet(text, []);
    expect(snip.text.startsWith('word word')).toBe(true);
    expect(snip.highlights).toEqual([]);
  });

  it('marks a matched compound once, not its parts', () => {
    const text = 'a "whole-of-government" approach';
    const spans = matchSpans(text, new Set(['wholeofgovernment', 'government']));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['whole-of-government']);
  });
});
