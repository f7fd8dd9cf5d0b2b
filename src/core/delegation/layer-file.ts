/**
 * A layer file: a colleague's notes and positions as one JSON export
 * (the W3C collection of ../exchange/w3c.ts, notes included) signed with
 * `rec:author`. This is the one place a layer file is turned into text and
 * read back: the shared folder, `layers.preview` and `layers.add` all go
 * through `serializeLayerFile` / `parseLayerFile`.
 *
 * Sealed layer files: with a delegation passphrase, a layer file is
 * the same JSON sealed as a `.recollection` file (../exchange/seal.ts, age
 * format) by `sealLayerFile`; `openLayerFile` recognises a sealed file, opens
 * it with the passphrase (all or nothing) and reads what it holds with
 * `parseLayerFile`, and says whether the file was sealed.
 *
 * Constraint: a file is accepted whole or refused whole. The importer's strict
 * parser (../exchange/import.ts) checks every record; a layer also needs an
 * export time (`generated`) to tell newer from older, and an author, when
 * given, must be a whole `{ id: UUID, name }`.
 */
import { nodeCrypto } from '../base/builtins';
import * as z from 'zod';
import { once } from '../../shared/lazy';
import { CoreError } from '../../shared/contract/result';
import type { Annotation, OptionPosition } from '../../shared/contract/types';
import { LIMITS } from '../../shared/limits';
import { parseImport } from '../exchange/import';
import { errorMap } from '../exchange/import-schema';
import { SEAL_WORK_FACTOR, seal, unseal } from '../exchange/seal';
import { AGE_ARMOR_BEGIN } from '../exchange/sniff';
import type { W3cCollection } from '../exchange/w3c';
import type { LayerFile } from '../user/layers/domain';
import type { LayerItems } from '../user/layers/rows';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A layer file's header, made on first use (start-up cost of every command). */
const header = once(() =>
  z.object({
    generated: z
      .string()
      .regex(ISO, 'expected an ISO 8601 date-time with a time zone')
      .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date'),
    'rec:author': z
      .object({
        id: z
          .string()
          .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a UUID')
          .transform((s) => s.toLowerCase()),
        name: z.string().max(LIMITS.labelLength),
      })
      .optional(),
  }),
);

/** The option positions of a file; an older file (format 1) carries them on its notes: the newest note's wins. */
function positionsOf(annotations: readonly Annotation[], given: OptionPosition[] | undefined): OptionPosition[] {
  if (given) {
    // A layer holds one position per option: a file with two is refused whole, not cut to one (found by fuzzing).
    const seen = new Set<string>();
    for (const [i, p] of given.entries()) {
      if (seen.has(p.targetId)) {
        throw new CoreError(
          'INVALID_ARGUMENT',
          `rec:positions[${i}]: a second position for ${p.targetId} (a layer holds one per option)`,
        );
      }
      seen.add(p.targetId);
    }
    return given;
  }
  const newest = new Map<string, OptionPosition>();
  for (const a of annotations) {
    if (a.position === null && a.priority === null) continue;
    const seen = newest.get(a.blockId);
    if (!seen || seen.modified < a.modified) {
      newest.set(a.blockId, { targetId: a.blockId, position: a.position, priority: a.priority, modified: a.modified });
    }
  }
  return [...newest.values()];
}

function digest(author: LayerFile['author'], items: LayerItems): string {
  return nodeCrypto()
    .createHash('sha256')
    .update(JSON.stringify([author, items]))
    .digest('hex');
}

/** Reads a layer file whole, or throws INVALID_ARGUMENT saying what is wrong and where. */
export function parseLayerFile(text: string): LayerFile {
  const bundle = parseImport(text); // size, JSON, every record: all or nothing
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const raw: unknown = JSON.parse(body);
  const parsed = header().safeParse(raw, { error: errorMap });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'file';
    throw new CoreError(
      'INVALID_ARGUMENT',
      `${where}: ${issue.message} (a layer needs a Recollection export with its export time)`,
    );
  }
  const author = parsed.data['rec:author']
    ? { id: parsed.data['rec:author'].id, name: parsed.data['rec:author'].name.trim() }
    : null;
  const annotations = bundle.annotations.map((a) => ({ ...a, position: null, priority: null }));
  const positions = positionsOf(bundle.annotations, bundle.positions);
  const byBlock = new Map(positions.map((p) => [p.targetId, p]));
  const items: LayerItems = {
    // Each note shows its option's position in this layer, as the user's own notes do.
    annotations: annotations.map((a) => ({
      ...a,
      position: byBlock.get(a.blockId)?.position ?? null,
      priority: byBlock.get(a.blockId)?.priority ?? null,
    })),
    bookmarks: bundle.bookmarks,
    positions,
  };
  return { author, exported: new Date(parsed.data.generated).toISOString(), items, fingerprint: digest(author, items) };
}

/** The text of a layer file (the sealing seam: see the header). */
export function serializeLayerFile(collection: W3cCollection): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** Whether a file's text is a sealed file (the seal's armor), without opening it. */
export const isSealedText = (text: string): boolean => text.slice(0, 1024).includes(AGE_ARMOR_BEGIN);

/** A layer file sealed with the delegation passphrase: the text of `serializeLayerFile`, sealed whole. */
export async function sealLayerFile(
  collection: W3cCollection,
  passphrase: string,
  filename: string,
  workFactor = SEAL_WORK_FACTOR,
): Promise<string> {
  return seal({ format: 'json', filename, data: serializeLayerFile(collection) }, passphrase, workFactor);
}

/**
 * Reads a layer file, plain or sealed, whole or not at all. A sealed file
 * needs the passphrase (PASSPHRASE_NEEDED without it; WRONG_PASSPHRASE,
 * DAMAGED from the seal) and must hold a JSON export.
 */
export async function openLayerFile(
  text: string,
  passphrase: string | null,
): Promise<{ file: LayerFile; sealed: boolean }> {
  if (!isSealedText(text)) return { file: parseLayerFile(text), sealed: false };
  if (passphrase === null) {
    throw new CoreError('PASSPHRASE_NEEDED', 'This layer file is sealed; it needs the delegation passphrase.');
  }
  const inner = await unseal(text, passphrase);
  if (inner.format !== 'json') {
    throw new CoreError('INVALID_ARGUMENT', 'This sealed file does not hold a layer file (a JSON export).');
  }
  return { file: parseLayerFile(new TextDecoder('utf-8', { fatal: false }).decode(inner.data)), sealed: true };
}
