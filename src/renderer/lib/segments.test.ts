import { describe, expect, it } from 'vitest';
import { buildPieces, keepRefsWithWords, type Piece, type TextPiece } from './segments';

const text = 'The UK Code of Practice sets high standards.';
const textOf = (pieces: Piece[]): string =>
  pieces
    .filter((p): p is TextPiece => p.type === 'text')
    .map((p) => p.text)
    .join('');

describe('buildPieces', () => {
  it('renders exactly the plain text, whatever overlaps', () => {
    const pieces = buildPieces(
      text,
      [
        { type: 'bold', start: 4, end: 23 },
        { type: 'italic', start: 10, end: 30 },
      ],
      [{ offset: 23, number: 54 }],
      [{ id: 'a', start: 0, end: 12, color: 'yellow' }],
      [[35, 39]],
    );
    expect(textOf(pieces)).toBe(text);
  });

  it('places a footnote reference right after the character it follows', () => {
    const pieces = buildPieces(text, [], [{ offset: 23, number: 54 }]);
    const at = pieces.findIndex((p) => p.type === 'ref');
    expect(textOf(pieces.slice(0, at))).toBe('The UK Code of Practice');
    expect(pieces[at]).toEqual({ type: 'ref', offset: 23, number: 54 });
  });

  it('keeps references at the very start and end, in number order', () => {
    const pieces = buildPieces(
      'abc',
      [],
      [
        { offset: 3, number: 9 },
        { offset: 0, number: 2 },
        { offset: 3, number: 8 },
      ],
    );
    expect(pieces.map((p) => (p.type === 'ref' ? p.number : p.text))).toEqual([2, 'abc', 8, 9]);
  });

  it('marks bold and italic only where they apply', () => {
    const pieces = buildPieces(text, [{ type: 'bold', start: 4, end: 23 }], []).filter(
      (p): p is TextPiece => p.type === 'text',
    );
    expect(pieces.filter((p) => p.bold).map((p) => p.text)).toEqual(['UK Code of Practice']);
    expect(pieces.filter((p) => !p.bold).map((p) => p.text)).toEqual(['The ', ' sets high standards.']);
  });

  it('nests overlapping highlights with the longest outermost', () => {
    const pieces = buildPieces(
      text,
      [],
      [],
      [
        { id: 'short', start: 4, end: 6, color: 'red' },
        { id: 'long', start: 0, end: 11, color: 'blue' },
      ],
    ).filter((p): p is TextPiece => p.type === 'text');
    const uk = pieces.find((p) => p.text === 'UK');
    expect(uk?.highlights.map((h) => h.id)).toEqual(['long', 'short']);
  });

  it('clamps marks that run past the text instead of inventing characters', () => {
    const pieces = buildPieces('short', [{ type: 'italic', start: 2, end: 99 }], [{ offset: 99, number: 1 }]);
    expect(textOf(pieces)).toBe('short');
    expect(pieces.at(-1)).toEqual({ type: 'ref', offset: 5, number: 1 });
  });

  it('handles an empty text', () => {
    expect(buildPieces('', [], [{ offset: 0, number: 3 }])).toEqual([{ type: 'ref', offset: 0, number: 3 }]);
  });
});

describe('keepRefsWithWords', () => {
  it('groups a footnote number with the word before it, keeping every character and offset', () => {
    const pieces = buildPieces(
      text,
      [],
      [
        { offset: 23, number: 54 },
        { offset: 23, number: 55 },
      ],
    );
    const kept = keepRefsWithWords(pieces);
    const group = kept.find((p) => p.type === 'kept');
    expect(group?.pieces).toEqual([
      expect.objectContaining({ type: 'text', text: 'Practice', start: 15, end: 23 }),
      { type: 'ref', offset: 23, number: 54 },
      { type: 'ref', offset: 23, number: 55 },
    ]);
    expect(textOf(kept.flatMap((p) => (p.type === 'kept' ? p.pieces : [p])))).toBe(text);
    expect(kept[0]).toEqual(expect.objectContaining({ text: 'The UK Code of ', start: 0, end: 15 }));
  });

  it('leaves a number after a space alone (a break before it is the space’s)', () => {
    const kept = keepRefsWithWords(buildPieces('Word next', [], [{ offset: 5, number: 1 }]));
    expect(kept.some((p) => p.type === 'kept')).toBe(false);
  });
});
