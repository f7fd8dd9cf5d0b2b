/**
 * The annotations domain: list (with the Notes panel's filter), create, edit
 * and delete (to the trash), each undoable.
 *
 * Constraint: every check against the document (block, quote, where a
 * position may go) runs in edits.ts before anything is written; every write
 * goes through `mutate()` with its inverse.
 */
import { CoreError } from '../../../shared/contract/result';
import type { Annotation, AnnotationFilter } from '../../../shared/contract/types';
import { type AnnotationRecord, toAnnotation } from '../annotations';
import type { UserContext } from '../context';
import { type AnnotationPatch, editableFields, type NewAnnotation, newAnnotation, patchedAnnotation } from '../edits';
import { matchesAnnotation } from '../notes';

export function annotationsDomain(u: UserContext) {
  const live = (id: string): AnnotationRecord => {
    const rec = u.session().annotations.get(id);
    if (!rec || rec.deleted) throw new CoreError('NOT_FOUND', `no annotation with id ${id}`);
    return rec;
  };
  return {
    list({ filter = {} }: { filter?: AnnotationFilter } = {}): Annotation[] {
      return u
        .session()
        .annotations.listLive()
        .map(toAnnotation)
        .filter((a) => matchesAnnotation(a, filter, u.content));
    },

    create(input: NewAnnotation): Annotation {
      const rec = newAnnotation(input, u.content, u.nowIso());
      u.mutate('New annotation removed', { op: 'trash', type: 'annotation', id: rec.id }, (s) =>
        s.annotations.insert(rec),
      );
      return toAnnotation(rec);
    },

    update({ id, patch }: { id: string; patch: AnnotationPatch }): Annotation {
      const cur = live(id);
      const next = patchedAnnotation(cur, patch, u.content, u.nowIso());
      if (!next) return toAnnotation(cur);
      u.mutate('Edit to annotation undone', { op: 'put-annotation', id: cur.id, fields: editableFields(cur) }, (s) =>
        s.annotations.put(next),
      );
      return toAnnotation(next);
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
