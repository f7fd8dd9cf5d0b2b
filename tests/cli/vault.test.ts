/**
 * The command line over protected notes: the passphrase
 * comes from a file descriptor (--passphrase-fd N) or RECOLLECTION_PASSPHRASE,
 * never from an argument; without one the command fails in one line saying
 * how to give it; a wrong one is refused; the document needs none.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { cli, expectOneLineError, tempDir } from './run';

const PASS = 'cli passphrase here';
const NOTE = 'Okapi footnote reservation';
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir();
  const t = openTestCore(dataDir);
  await t.value('annotations.create', { blockId: 'c2.f3.po.1', note: NOTE });
  await t.value('vault.enable', { passphrase: PASS });
  t.close();
});
afterEach(() => {
  delete process.env['RECOLLECTION_PASSPHRASE'];
});

describe('protected notes on the command line', () => {
  it('without a passphrase: one line saying how to give it', async () => {
    const line = expectOneLineError(await cli(dataDir, 'notes'), 1);
    expect(line).toMatch(/protected by a passphrase.*--passphrase-fd N.*RECOLLECTION_PASSPHRASE/);
  });

  it('reads it from RECOLLECTION_PASSPHRASE', async () => {
    process.env['RECOLLECTION_PASSPHRASE'] = PASS;
    const run = await cli(dataDir, 'notes');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(NOTE);
  });

  it('reads it from a file descriptor, and refuses a wrong one', async () => {
    const file = join(tempDir(), 'pass.txt');
    writeFileSync(file, `${PASS}\n`, { mode: 0o600 });
    const fd = openSync(file, 'r');
    try {
      const run = await cli(dataDir, 'search', 'Okapi', '--passphrase-fd', String(fd));
      expect(run.code, run.err).toBe(0);
      expect(run.out).toContain('Okapi');
    } finally {
      closeSync(fd);
    }
    process.env['RECOLLECTION_PASSPHRASE'] = 'wrong passphrase';
    const line = expectOneLineError(await cli(dataDir, 'notes'), 1);
    expect(line).toMatch(/passphrase is not right/);
    expect(line).not.toContain('wrong passphrase');
  });

  it('the document needs no passphrase; check reports the encrypted file', async () => {
    expect((await cli(dataDir, 'show', 'c2.f3.po.1')).code).toBe(0);
    const check = await cli(dataDir, 'check');
    expect(check.out).toMatch(/ok, encrypted/);
  });
});
