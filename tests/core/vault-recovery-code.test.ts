/**
 * The recovery code's shape: seven even groups of four Crockford base32
 * characters, every group typed the same way; and a code of the earlier
 * 26-character shape (groups 4-4-4-4-4-6) still opens a key file sealed
 * with it, on the real key-file functions and real scrypt / AES-GCM.
 */
import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createKeyFile,
  keyFromRecoveryCode,
  newRecoveryCode,
  normalizeCode,
  type KdfParams,
  type KeyFile,
} from '../../src/core/user/vault/keyfile';

const KDF: KdfParams = { name: 'scrypt', logN: 10, r: 8, p: 1 };

/** Seals `dataKey` under `code` as vault.json's recovery copy is sealed (docs/security.md). */
function sealRecovery(dataKey: Buffer, code: string): KeyFile['recovery'] {
  const salt = randomBytes(16);
  const kek = scryptSync(normalizeCode(code).normalize('NFC'), salt, 32, { N: 2 ** KDF.logN, r: 8, p: 1 });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv).setAAD(Buffer.from('recollection-vault-v1:recovery'));
  const key = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  const b64 = (b: Buffer) => b.toString('base64');
  return { salt: b64(salt), iv: b64(iv), tag: b64(cipher.getAuthTag()), key: b64(key) };
}

describe('recovery code', () => {
  it('is seven groups of four characters, with no uneven last group', () => {
    for (let i = 0; i < 50; i++) {
      const code = newRecoveryCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
      expect(new Set(code.split('-').map((g) => g.length))).toEqual(new Set([4]));
    }
  });

  it('opens the key file with the new shape, however it is typed back', async () => {
    const { file, dataKey, recoveryCode } = await createKeyFile('correct horse battery', KDF);
    expect(recoveryCode.split('-')).toHaveLength(7);
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    expect((await keyFromRecoveryCode(file, typed)).equals(dataKey)).toBe(true);
    expect((await keyFromRecoveryCode(file, recoveryCode.replace(/-/g, ''))).equals(dataKey)).toBe(true);
  });

  it('still opens a key file sealed with a code of the earlier 26-character shape', async () => {
    const { file, dataKey } = await createKeyFile('correct horse battery', KDF);
    const old = 'K7QM-3XZA-9PRT-W2HC-VN4D-8JBFE6';
    const sealed: KeyFile = { ...file, recovery: sealRecovery(dataKey, old) };
    expect((await keyFromRecoveryCode(sealed, old)).equals(dataKey)).toBe(true);
    expect((await keyFromRecoveryCode(sealed, 'k7qm 3xza 9prt w2hc vn4d 8jbfe6')).equals(dataKey)).toBe(true);
    await expect(keyFromRecoveryCode(sealed, 'K7QM-3XZA-9PRT-W2HC-VN4D-8JBFE7')).rejects.toThrow(/not right/);
  });
});
