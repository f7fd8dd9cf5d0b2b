/**
 * The command line over a plain copy of the notes put back by hand under
 * protection: the passphrase opens it, the copy is encrypted, and one
 * `recollection: …` line on stderr says so.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainFile } from '../../src/core/user/vault/cipher';
import { openTestCore } from '../support/core';
import { cli, tempDir } from './run';

const PASS = 'cli passphrase here';
const NOTE = 'Tamarin note kept by hand';

afterEach(() => {
  delete process.env['RECOLLECTION_PASSPHRASE'];
});

describe('a plain copy put back by hand, on the command line', () => {
  it('is encrypted at the unlock, and the command says so on stderr', async () => {
    const dataDir = tempDir();
    const t = openTestCore(dataDir);
    await t.value('annotations.create', { blockId: 'c2.f3.po.1', note: NOTE });
    t.close();
    const copy = join(tempDir(), 'copy.db');
    copyFileSync(join(dataDir, 'user.db'), copy);
    const on = openTestCore(dataDir);
    await on.value('vault.enable', { passphrase: PASS });
    on.close();
    copyFileSync(copy, join(dataDir, 'user.db'));

    process.env['RECOLLECTION_PASSPHRASE'] = PASS;
    const run = await cli(dataDir, 'notes');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(NOTE);
    expect(run.err).toMatch(/^recollection: The unencrypted copy of your notes .* was encrypted with your key/);
    expect(isPlainFile(join(dataDir, 'user.db'))).toBe(false);
  });
});
