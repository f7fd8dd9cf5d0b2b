/**
 * Checks a document model before it is written: unique ids, parents that
 * exist, footnote references to known footnotes, offsets inside the text.
 *
 * Constraint: a parser bug must fail the build with a message that says what
 * is wrong, never produce a database that the app misreads later.
 */
import { CoreError } from '../../shared/contract/result';
import type { DocumentModel } from '../../shared/model';

const SECTION_KINDS = new Set(['front', 'part', 'cluster', 'focus-area', 'group', 'subsection']);
const BLOCK_KINDS = new Set([
  'title',
  'paragraph',
  'bullet',
  'policy-option',
  'practical-action',
  'practical-action-item',
  'example',
  'quotation',
]);
const STATUSES = new Set(['present', 'inferred', 'missing']);
const XREF_TYPES = new Set(['sdg', 'sutherland', 'pfp', 'actor']);

/** Every problem found (empty when the model is sound). */
export function modelProblems(model: DocumentModel): string[] {
  const problems: string[] = [];
  const sectionIds = new Set<string>();
  for (const s of model.sections) {
    if (sectionIds.has(s.id)) problems.push(`duplicate section id ${s.id}`);
    sectionIds.add(s.id);
    if (!SECTION_KINDS.has(s.kind)) problems.push(`section ${s.id}: unknown kind ${s.kind}`);
    if (!Number.isInteger(s.order)) problems.push(`section ${s.id}: order is not an integer`);
  }
  for (const s of model.sections) {
    if (s.parentId !== null && !sectionIds.has(s.parentId))
      problems.push(`section ${s.id}: unknown parent ${s.parentId}`);
    if (s.kind === 'group' && !s.group) problems.push(`group ${s.id} has no group kind`);
  }

  const footnoteNumbers = new Set<number>();
  const footnoteIds = new Set<string>();
  for (const f of model.footnotes) {
    if (footnoteNumbers.has(f.number)) problems.push(`duplicate footnote ${f.number}`);
    footnoteNumbers.add(f.number);
    footnoteIds.add(f.id);
    if (f.id !== `fn.${f.number}`) problems.push(`footnote ${f.number}: id ${f.id} is not fn.${f.number}`);
    if (!STATUSES.has(f.status)) problems.push(`footnote ${f.number}: unknown status ${f.status}`);
    checkMarks(`footnote ${f.number}`, f.text.length, f.marks, problems);
  }

  const blockIds = new Set<string>();
  const seqs = new Set<number>();
  for (const b of model.blocks) {
    if (blockIds.has(b.id) || sectionIds.has(b.id)) problems.push(`duplicate block id ${b.id}`);
    blockIds.add(b.id);
    if (seqs.has(b.seq)) problems.push(`block ${b.id}: duplicate seq ${b.seq}`);
    seqs.add(b.seq);
    if (!BLOCK_KINDS.has(b.kind)) problems.push(`block ${b.id}: unknown kind ${b.kind}`);
    if (!sectionIds.has(b.sectionId)) problems.push(`block ${b.id}: unknown section ${b.sectionId}`);
    checkMarks(`block ${b.id}`, b.text.length, b.marks, problems);
    for (const r of b.footnoteRefs) {
      if (!footnoteNumbers.has(r.number)) problems.push(`block ${b.id}: reference to unknown footnote ${r.number}`);
      if (r.offset < 0 || r.offset > b.text.length)
        problems.push(`block ${b.id}: footnote ${r.number} offset out of range`);
    }
  }
  for (const b of model.blocks) {
    if (b.parentId !== null && !blockIds.has(b.parentId)) problems.push(`block ${b.id}: unknown parent ${b.parentId}`);
  }

  for (const x of model.crossRefs) {
    if (!blockIds.has(x.sourceId) && !footnoteIds.has(x.sourceId)) {
      problems.push(`cross-reference ${x.type}:${x.key} from unknown source ${x.sourceId}`);
    }
    if (!XREF_TYPES.has(x.type)) problems.push(`cross-reference from ${x.sourceId}: unknown type ${x.type}`);
    if (x.key.trim() === '') problems.push(`cross-reference from ${x.sourceId}: empty key`);
  }
  return problems;
}

function checkMarks(
  where: string,
  length: number,
  marks: ReadonlyArray<{ start: number; end: number }>,
  problems: string[],
): void {
  for (const m of marks) {
    if (!(m.start >= 0 && m.end >= m.start && m.end <= length))
      problems.push(`${where}: mark ${m.start}–${m.end} out of range`);
  }
}

/** Throws a CoreError listing the first problems when the model is not sound. */
export function assertSoundModel(model: DocumentModel): void {
  const problems = modelProblems(model);
  if (problems.length > 0) {
    const more = problems.length > 8 ? ` (and ${problems.length - 8} more)` : '';
    throw new CoreError('INVALID_ARGUMENT', `content model is invalid: ${problems.slice(0, 8).join('; ')}${more}`);
  }
}
