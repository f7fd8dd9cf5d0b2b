/**
 * Repository of the `palette` table: the user's names for the five highlight
 * colours (defaults seeded by migration 2: Highlight, Agree, Question, Red line,
 * Follow up).
 *
 * Constraint: always answers all five colours in COLORS order, even if a row is
 * missing from the file (the default name stands in).
 */
import type { Color, PaletteEntry } from '../../../shared/contract/types';
import { COLORS } from '../../../shared/contract/types';
import type { UserDb } from '../db';

/**
 * Names shown for a colour whose row is missing. Migration 2 seeded the same
 * names as literal rows; changing them here changes only this fallback.
 */
export const DEFAULT_PALETTE: ReadonlyArray<readonly [Color, string]> = [
  ['yellow', 'Highlight'],
  ['green', 'Agree'],
  ['blue', 'Question'],
  ['red', 'Red line'],
  ['purple', 'Follow up'],
];

const DEFAULT_NAMES = new Map(DEFAULT_PALETTE);

export class PaletteRepo {
  private readonly all;
  private readonly upsert;

  constructor(db: UserDb) {
    this.all = db.prepare<[], { color: string; name: string }>('SELECT color, name FROM palette');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO palette (color, name) VALUES (?, ?) ON CONFLICT(color) DO UPDATE SET name = excluded.name',
    );
  }

  list(): PaletteEntry[] {
    const names = new Map(this.all.all().map((r) => [r.color, r.name]));
    return COLORS.map((color) => ({ color, name: names.get(color) ?? DEFAULT_NAMES.get(color) ?? color }));
  }

  name(color: Color): string {
    return this.list().find((e) => e.color === color)?.name ?? color;
  }

  rename(color: Color, name: string): void {
    this.upsert.run(color, name);
  }
}
