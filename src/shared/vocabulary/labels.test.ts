/** The label table: one wording per mark, none shared by two marks, none missing. */
import { describe, expect, it } from 'vitest';
import { COLORS, POSITIONS, PRIORITIES } from '../contract/values';
import { COLOR_LABELS, POSITION_LABELS, PRIORITY_LABELS } from './labels';

function distinct(values: string[]): void {
  expect(new Set(values).size).toBe(values.length);
  for (const v of values) expect(v.trim()).not.toBe('');
}

describe('labels', () => {
  it('names every position with its own words and its own icon', () => {
    expect(Object.keys(POSITION_LABELS)).toEqual([...POSITIONS]);
    distinct(POSITIONS.map((p) => POSITION_LABELS[p].label));
    distinct(POSITIONS.map((p) => POSITION_LABELS[p].icon));
  });

  it('names every priority and colour', () => {
    expect(Object.keys(PRIORITY_LABELS)).toEqual([...PRIORITIES]);
    distinct(PRIORITIES.map((p) => PRIORITY_LABELS[p]));
    expect(Object.keys(COLOR_LABELS)).toEqual([...COLORS]);
    distinct(COLORS.map((c) => COLOR_LABELS[c]));
  });

  it('does not say "no position" as if it were a decision', () => {
    // The issue found "No position" (exports) against "No position yet" (screen); the table keeps the latter.
    expect(POSITION_LABELS['no-position'].label).toBe('No position yet');
  });
});
