/**
 * age's scrypt recipient stretched off the event loop: files it writes are
 * the ones age-encryption's own passphrase decrypter reads and the reverse
 * (so sealed files stay standard age files, and older ones still open), and
 * while a file is sealed or opened at the real work factor the event loop
 * keeps turning: a timer fires again and again before the work is done (with
 * age-encryption's JavaScript scrypt it could fire only after).
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { MAX_OPEN_WORK_FACTOR, SEAL_WORK_FACTOR, seal, unseal } from './seal';
import { scryptIdentity, scryptRecipient } from './seal-scrypt';

const FAST = 10;
const PASS = 'correct horse battery';
const TEXT = 'a position: red line';

/** Whether `work` is still under way after a 1 ms timer has fired five times. */
async function stillRunningAfterFiveTicks(work: Promise<unknown>): Promise<boolean> {
  let done = false;
  const finished = work.then(() => {
    done = true;
  });
  await new Promise<void>((resolve) => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
      if (ticks === 5) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  const running = !done;
  await finished;
  return running;
}

describe("age's scrypt recipient, stretched off the event loop", () => {
  it('writes what age-encryption reads, and reads what it writes', async () => {
    const ours = new Encrypter();
    ours.addRecipient(await scryptRecipient(PASS, FAST));
    const sealedByUs = await ours.encrypt(TEXT);
    const age = new Decrypter();
    age.addPassphrase(PASS);
    expect(await age.decrypt(sealedByUs, 'text')).toBe(TEXT);

    const theirs = new Encrypter();
    theirs.setPassphrase(PASS);
    theirs.setScryptWorkFactor(FAST);
    const sealedByAge = await theirs.encrypt(TEXT);
    const reader = new Decrypter();
    reader.addIdentity(scryptIdentity(PASS, MAX_OPEN_WORK_FACTOR));
    expect(await reader.decrypt(sealedByAge, 'text')).toBe(TEXT);

    const wrong = new Decrypter();
    wrong.addIdentity(scryptIdentity('not the passphrase', MAX_OPEN_WORK_FACTOR));
    await expect(wrong.decrypt(sealedByAge)).rejects.toThrow(/^no identity matched/);
  });

  it('refuses a stanza above the work factor allowed, or with a salt not in canonical form, before stretching', async () => {
    const { Stanza } = await import('age-encryption');
    const identity = scryptIdentity(PASS, 12);
    const body = new Uint8Array(32);
    const salt = Buffer.alloc(16, 7).toString('base64').replace(/=+$/, '');
    await expect(identity.unwrapFileKey([new Stanza(['scrypt', salt, '13'], body)])).rejects.toThrow(/too high/);
    await expect(identity.unwrapFileKey([new Stanza(['scrypt', `${salt}==`, '10'], body)])).rejects.toThrow(
      /invalid scrypt stanza/,
    );
    await expect(identity.unwrapFileKey([new Stanza(['X25519', salt], body)])).resolves.toBeNull();
  });

  it(`keeps the event loop turning while a file is sealed and opened at 2^${SEAL_WORK_FACTOR}`, async () => {
    const content = { format: 'json' as const, filename: 'notes.json', data: TEXT };
    let sealed = '';
    expect(await stillRunningAfterFiveTicks(seal(content, PASS).then((s) => (sealed = s)))).toBe(true);
    expect(await stillRunningAfterFiveTicks(unseal(sealed, PASS))).toBe(true);
    expect(new TextDecoder().decode((await unseal(sealed, PASS)).data)).toBe(TEXT);
  }, 120_000);
});
