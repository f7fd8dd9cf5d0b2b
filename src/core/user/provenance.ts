/**
 * The `adopted_from` column of annotations and positions (migration 4): where
 * an adopted note or position came from, stored as JSON.
 *
 * Constraint: the column is read as untrusted (a hand-edited or future file):
 * anything that is not a whole provenance reads as none.
 */
import * as z from 'zod';
import type { Provenance } from '../../shared/contract/layer-types';
import { once } from '../../shared/lazy';

/** A whole provenance; also checks the one an undo entry carries (history.ts). Made on first use (start-up cost). */
export const provenanceSchema = once(() =>
  z.object({
    layerId: z.string().max(100),
    authorId: z.string().max(100).nullable(),
    authorName: z.string().max(1000),
    itemId: z.string().max(200),
    at: z.string().max(40),
  }),
);

export function readProvenance(json: string | null | undefined): Provenance | undefined {
  if (!json) return undefined;
  try {
    const parsed = provenanceSchema().safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const writeProvenance = (p: Provenance | undefined): string | null => (p ? JSON.stringify(p) : null);
