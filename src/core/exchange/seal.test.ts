/**
 * Sealed files: what goes in comes out byte for byte (text and binary), the
 * file is text that the age armor reader accepts, and every way the file can
 * be wrong is refused whole and named: a wrong passphrase, bytes changed in
 * the header or the payload (with or without the checksum made to match),
 * a file cut short, a hostile work factor. Sealed at a low work factor here
 * (scrypt is the slow part); one test checks the real one.
 */
import { createHash } from 'node:crypto';
import { armor } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../shared/contract/result';
import { SEAL_WORK_FACTOR, seal, sealedName, unseal } from './seal';
import { sniffText } from './sniff';

const FAST = 10;
const PASS = 'correct horse battery';
const TEXT = { format: 'json' as const, filename: 'recollection-notes-2026-11-30.json', data: '{"type":"Anno…"}' };

/** The age bytes of a sealed file, and a way to put changed bytes back (checksum kept, or made to match). */
function parts(file: string) {
  const at = file.indexOf('-----BEGIN');
  const bytes = armor.decode(file.slice(at));
  const rebuild = (changed: Uint8Array, fixSum: boolean): string => {
    const pre = file.slice(0, at);
    const sum = createHash('sha256').update(changed).digest('hex');
    return `${fixSum ? pre.replace(/[0-9a-f]{64}/, sum) : pre}${armor.encode(changed)}`;
  };
  return { bytes, rebuild };
}

async function failure(p: Promise<unknown>): Promise<CoreError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CoreError);
  return err as CoreError;
}

const flip = (bytes: Uint8Array, at: number): Uint8Array => {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
};

describe('sealed files', () => {
  it('give back text and binary exports byte for byte, with their format and name', async () => {
    const text = await seal(TEXT, PASS, FAST);
    expect(sniffText(text)).toBe('sealed');
    expect(text).not.toContain('Anno');
    const opened = await unseal(text, PASS);
    expect(opened).toMatchObject({ format: 'json', filename: TEXT.filename });
    expect(new TextDecoder().decode(opened.data)).toBe(TEXT.data);

    const binary = new Uint8Array(70_000).map((_, i) => (i * 31) % 256); // more than one 64 KiB age chunk
    const docx = await unseal(await seal({ format: 'docx', filename: 'b.docx', data: binary }, PASS, FAST), PASS);
    expect(docx.format).toBe('docx');
    expect(Buffer.compare(Buffer.from(docx.data), Buffer.from(binary))).toBe(0);
    expect(sealedName('b.docx')).toBe('b.docx.recollection');
  });

  it(`seal at the documented work factor (2^${SEAL_WORK_FACTOR}) by default`, async () => {
    const text = await seal(TEXT, PASS);
    const header = new TextDecoder('latin1').decode(parts(text).bytes.subarray(0, 200));
    expect(header).toMatch(new RegExp(`\\n-> scrypt \\S+ ${SEAL_WORK_FACTOR}\\n`));
  }, 60_000);

  it('refuse a wrong passphrase, in words, without naming the passphrase tried', async () => {
    const err = await failure(unseal(await seal(TEXT, PASS, FAST), 'wrong horse battery'));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toBe('This passphrase does not open this sealed file; nothing was imported.');
    expect(err.message).not.toContain('wrong horse');
  });

  it('refuse bytes changed in the header or the payload, or cut short, as damaged', async () => {
    const file = await seal(TEXT, PASS, FAST);
    const { bytes, rebuild } = parts(file);
    const headerEnd = new TextDecoder('latin1').decode(bytes).indexOf('\n---') + 1;
    const cases: Record<string, string> = {
      'a header byte (salt)': rebuild(flip(bytes, 30), false),
      'a header byte (MAC), checksum made to match': rebuild(flip(bytes, headerEnd + 10), true),
      'a payload byte': rebuild(flip(bytes, bytes.length - 5), false),
      'a payload byte, checksum made to match': rebuild(flip(bytes, bytes.length - 5), true),
      'the payload cut short, checksum made to match': rebuild(bytes.subarray(0, bytes.length - 3), true),
      'the text cut short': file.slice(0, file.length - 40),
      'a character of the armor changed': file.replace(/\n([A-Za-z0-9+/]{10})/, (_, s: string) => `\n${s.slice(1)}!`),
    };
    for (const [what, changed] of Object.entries(cases)) {
      const err = await failure(unseal(changed, PASS));
      expect(err.code, what).toBe('DAMAGED');
      expect(err.message, what).toMatch(
        /^This sealed file is damaged or was changed after it was sealed \(.+\); nothing was imported\.$/,
      );
    }
  });

  it('a bare age file (no checksum line) opens, and a wrong passphrase on it says it may be changed', async () => {
    const file = await seal(TEXT, PASS, FAST);
    const bare = file.slice(file.indexOf('-----BEGIN'));
    expect(new TextDecoder().decode((await unseal(bare, PASS)).data)).toBe(TEXT.data);
    const err = await failure(unseal(bare, 'nope'));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toContain('or the file was changed');
  });

  it('refuse a work factor above 2^18 before any key stretching, and read a file without our header for what it holds', async () => {
    const { bytes, rebuild } = parts(await seal(TEXT, PASS, FAST));
    const head = new TextDecoder('latin1').decode(bytes);
    const greedy = Uint8Array.from(head.replace(/(\n-> scrypt \S+) 10\n/, '$1 30\n'), (c) => c.charCodeAt(0));
    const err = await failure(unseal(rebuild(greedy, true), PASS));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toContain('2^30');

    const { Encrypter } = await import('age-encryption');
    const foreign = new Encrypter();
    foreign.setPassphrase(PASS);
    foreign.setScryptWorkFactor(FAST);
    const plainAge = armor.encode(await foreign.encrypt('just some text'));
    // A bare age file (the age tool's) is read for what it holds: text is named, JSON is an export.
    expect((await failure(unseal(plainAge, PASS))).message).toMatch(/^This age file holds .*; it cannot be imported\./);
    const json = armor.encode(await foreign.encrypt('{"type":"AnnotationCollection"}'));
    expect(await unseal(json, PASS)).toMatchObject({ format: 'json', filename: 'notes.json' });
  });
});
