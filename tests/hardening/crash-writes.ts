/**
 * What the crash test's child writes, as a pure function of a sequence
 * number, so the parent can check every record it finds after a SIGKILL
 * without having seen the write: the note, colour and tags of write `seq`,
 * and the block and selector of an annotation created by write `seq`.
 *
 * Constraint: a record is consistent only if ALL its parts (row columns and
 * tag rows) come from one write; a torn write fails `checkRecord`.
 */
import type { Annotation, Color, Selector } from '../../src/shared/contract/types';
import { COLORS } from '../../src/shared/contract/types';
import type { Block } from '../../src/shared/model';

/** Fields an update writes (note, colour, tags), from its sequence number. */
export function editOf(seq: number, createSeq: number): { note: string; color: Color; tags: string[] } {
  // Mostly short notes; every tenth ~6 KB, so some writes span several database pages.
  const body = 'ü note text '.repeat(seq % 10 === 0 ? 500 : (seq * 7919) % 40);
  return {
    note: `crash write ${seq}: ${body}`,
    color: COLORS[seq % COLORS.length],
    tags: [`w${seq}`, `c${createSeq}`],
  };
}

/** Where an annotation created by write `seq` sits: a block, and a quote on every third one. */
export function placeOf(seq: number, blocks: readonly Block[]): { blockId: string; selector: Selector | null } {
  const block = blocks[seq % blocks.length];
  if (seq % 3 !== 0 || block.text.length < 2) return { blockId: block.id, selector: null };
  const end = Math.min(block.text.length, 1 + (seq % 40));
  return { blockId: block.id, selector: { exact: block.text.slice(0, end), prefix: '', suffix: '', start: 0, end } };
}

/** The write seq and creating seq a record claims (from its note and `c` tag), or null when unreadable. */
export function claimedSeqs(a: Annotation): { seq: number; createSeq: number } | null {
  const seq = /^crash write (\d+): /.exec(a.note)?.[1];
  const createTag = a.tags.find((t) => /^c\d+$/.test(t));
  if (seq === undefined || createTag === undefined) return null;
  return { seq: Number(seq), createSeq: Number(createTag.slice(1)) };
}

/** Problems with a record found in the database: empty when it is exactly what one write made. */
export function checkRecord(a: Annotation, blocks: readonly Block[]): string[] {
  const seqs = claimedSeqs(a);
  if (!seqs) return [`${a.id}: note or tags are not from any write (${a.note.slice(0, 40)}, ${a.tags.join(',')})`];
  const problems: string[] = [];
  const edit = editOf(seqs.seq, seqs.createSeq);
  if (a.note !== edit.note) problems.push(`${a.id}: note differs from write ${seqs.seq}`);
  if (a.color !== edit.color) problems.push(`${a.id}: colour ${a.color} is not write ${seqs.seq}'s ${edit.color}`);
  if (JSON.stringify(a.tags) !== JSON.stringify(edit.tags))
    problems.push(`${a.id}: tags ${a.tags.join(',')} are not write ${seqs.seq}'s ${edit.tags.join(',')}`);
  const place = placeOf(seqs.createSeq, blocks);
  if (a.blockId !== place.blockId) problems.push(`${a.id}: block ${a.blockId}, created on ${place.blockId}`);
  if (a.selector?.exact !== place.selector?.exact || a.selector?.start !== place.selector?.start)
    problems.push(`${a.id}: selector differs from the one created by write ${seqs.createSeq}`);
  return problems;
}
