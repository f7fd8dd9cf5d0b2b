/**
 * An import file's text into a validated bundle: a sealed file is opened with
 * its passphrase first, then what it holds is read like any import; a file
 * that is not an importable export gets the sentence naming what it is.
 *
 * Constraint: all or nothing, as parseImport; the passphrase is only passed on.
 */
import { CoreError } from '../../shared/contract/result';
import type { SaveFormat } from '../../shared/contract/values';
import { decodeUtf8 } from './import-file';
import { parseImport } from './import';
import { describeKind, sniffText, type FileKind } from './sniff';
import type { ImportBundle } from './types';

/** What each format sealed by Recollection is, for the sentence about a seal that holds no JSON. */
const SEALED_KIND: Record<Exclude<SaveFormat, 'json'>, Exclude<FileKind, 'json' | 'sealed'>> = {
  csv: 'csv-ours',
  markdown: 'markdown-ours',
  html: 'html-ours',
  docx: 'docx',
  pdf: 'pdf',
};

export async function readImport(data: string, passphrase?: string): Promise<ImportBundle> {
  // Without a passphrase, parseImport names a sealed file (PASSPHRASE_NEEDED) as it names any other.
  if (passphrase === undefined || sniffText(data) !== 'sealed') return parseImport(data);
  const { unseal } = await import('./seal');
  const inner = await unseal(data, passphrase);
  if (inner.format !== 'json')
    throw new CoreError('INVALID_ARGUMENT', describeKind(SEALED_KIND[inner.format], 'This sealed file holds'));
  return parseImport(decodeUtf8(inner.data, inner.filename));
}
