/**
 * The shape of one numbered migration of the user database.
 *
 * Constraint: a migration is a pure function of the database it is given: it
 * reads no runtime constant of the app (palette, settings defaults…), so a
 * shipped migration produces the same result whatever the app around it
 * becomes. Seed rows are written literally in the migration's own file.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}
