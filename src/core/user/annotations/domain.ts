/**
 * The annotations domain: list (with the Notes panel's filter), create, edit
 * and delete (to the trash), each undoable. A note shows its option's
 * position but never sets it (positions/domain.ts does).
 *
 * Constraint: every check against the document (block, quote) runs in ../edits.ts before anything is written; every write
 * goes through `mutate()` with its inverse.
 */
import { CoreError } from '../../../shared/contract/result';
import type { Annotation, AnnotationFilter } from '../../../shared/contract/types';
import { type AnnotationRecord, toAnnotation } from './rows';
import type { UserContext } from '../context';
import { type AnnotationPatch, editableFields, type NewAnnotation, newAnnotation, patchedAnnotation } from '../edits';
import { matchesAnnotation } from '../notes/views';

export function annotationsDomain(u: UserContext) {
  const live = (id: string): AnnotationRecord => {
    const rec = u.session().annotations.get(id);
    if (!rec || rec.deleted) throw new CoreError('NOT_FOUND', `no annotation with id ${id}`);
    return rec;
  };
  const withOption = (rec: AnnotationRecord): Annotation => toAnnotation(rec, u.session().positions.get(rec.blockId));
  return {
    list({ filter = {} }: { filter?: AnnotationFilter } = {}): Annotation[] {
      const s = u.session();
      const options = s.positions.all();
      return s.annotations
        .listLive()
        .map((rec) => toAnnotation(rec, options.get(rec.blockId)))
        .filter((a) => matchesAnnotation(a, filter, u.content));
    },

    create(input: NewAnnotation): Annotation {
      const rec = newAnnotation(input, u.content, u.nowIso());
      u.mutate('New annotation removed', { op: 'trash', type: 'annotation', id: rec.id }, (s) =>
        s.annotations.insert(rec),
      );
      return withOption(rec);
    },

    update({ id, patch }: { id: string; patch: AnnotationPatch }): Annotation {
      const cur = live(id);
      const next = patchedAnnotation(cur, patch, u.nowIso());
      if (!next) return withOption(cur);
      u.mutate('Edit to annotation undone', { op: 'put-annotation', id: cur.id, fields: editableFields(cur) }, (s) =>
        s.annotations.put(next),
      );
      return withOption(next);
    },

    remove({ id }: { id: string }): { id: string } {
      live(id);
      u.mutate('Deleted annotation restored', { op: 'untrash', type: 'annotation', id }, (s) =>
        s.annotations.setDeleted(id, u.nowIso()),
      );
      return { id };
    },
  };
}

export type AnnotationsDomain = ReturnType<typeof annotationsDomain>;
