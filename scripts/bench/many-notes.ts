/**
 * A user folder with very many notes (100,000 is the documented import
 * limit), for the heavy-use benchmark row and the tests that open such a
 * folder (the command line, the browser scenario).
 *
 * Constraint: fast and real. The folder is first opened by the real core, so
 * the schema is the current one, migrations and all; then the rows go into
 * user.db with one prepared statement in one transaction (through the app,
 * one save per note with its fsync, 100,000 notes would take many minutes).
 * Only columns every schema version has are written; the notes are spread
 * over the real blocks, with `onOneBlock` of them on a single block, and a
 * known share tagged, coloured and worded so a filter has a known answer.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ContentStore } from '../../src/core/content/store';
import { openCore } from '../../src/core/open';
import { USER_DB_FILE } from '../../src/core/user/store';
import { mulberry32 } from '../../tests/hardening/prng';

export interface ManyNotesOptions {
  contentDbPath: string;
  dataDir: string;
  count: number;
  /** How many of them sit on one block (the first policy option); default 1,000. */
  onOneBlock?: number;
  /** better-sqlite3 binding for Electron builds; default Node's. */
  nativeBinding?: string;
}

export interface ManyNotes {
  /** The block that holds `onOneBlock` notes. */
  crowdedBlockId: string;
  /** Notes tagged `TAG` (every tenth), the answer of a tag filter. */
  tagged: number;
  /** Notes whose text contains `WORD` (every hundredth). */
  worded: number;
}

export const TAG = 'heavy';
export const WORD = 'zanzibar';

/** Fills `dataDir` (fresh or not) with `count` live annotations; returns what a filter should find. */
export function seedManyNotes(o: ManyNotesOptions): ManyNotes {
  openCore({ contentDbPath: o.contentDbPath, dataDir: o.dataDir }).close();
  const content = ContentStore.open(o.contentDbPath);
  const blocks = content.allBlocks().filter((b) => b.text.length > 0);
  content.close();
  const crowded = blocks.find((b) => b.kind === 'policy-option') ?? blocks[0];
  const onOne = Math.min(o.onOneBlock ?? 1000, o.count);
  const rnd = mulberry32(12);
  const db = new Database(join(o.dataDir, USER_DB_FILE), o.nativeBinding ? { nativeBinding: o.nativeBinding } : {});
  const insert = db.prepare(
    `INSERT INTO annotations (id, block_id, note, color, anchor, created, modified, section_id)
     VALUES (?, ?, ?, ?, 'attached', ?, ?, ?)`,
  );
  const tag = db.prepare('INSERT INTO annotation_tags (annotation_id, tag, ord) VALUES (?, ?, 0)');
  const colors = ['yellow', 'green', 'blue', 'red', null];
  const start = Date.UTC(2026, 0, 1);
  let tagged = 0;
  let worded = 0;
  db.transaction(() => {
    for (let i = 0; i < o.count; i++) {
      const block = i < onOne ? crowded : blocks[Math.floor(rnd() * blocks.length)];
      const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
      const when = new Date(start + i * 1000).toISOString();
      const word = i % 100 === 0 ? ` ${WORD}` : '';
      const note = `Note ${i} on ${block.label}: ask the capital before agreeing${word}.`;
      insert.run(id, block.id, note, colors[i % colors.length], when, when, block.sectionId);
      if (i % 10 === 0) {
        tag.run(id, TAG);
        tagged++;
      }
      if (word) worded++;
    }
  })();
  db.close();
  return { crowdedBlockId: crowded.id, tagged, worded };
}
