/**
 * The command line honours the organisation's managed settings as the app does:
 * a policy file in a temporary system root (RECOLLECTION_POLICY_ROOT, read on top
 * of the machine's own) requiring sealed exports refuses a plain export with a
 * sentence and exit code 1, and a sealed one is written; protection required
 * refuses a note before protection is set up; a damaged policy is reported.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEAL_PASSPHRASE_ENV } from '../../src/cli/seal-passphrase';
import { policyFiles } from '../../src/core/policy/read';
import { cli, tempDir } from './run';

const withPolicy = (text: string): void => {
  const root = tempDir('recollection-cli-policy-');
  const file = policyFiles({ platform: process.platform, root })[0];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.env['RECOLLECTION_POLICY_ROOT'] = root;
};
afterEach(() => {
  delete process.env['RECOLLECTION_POLICY_ROOT'];
  delete process.env[SEAL_PASSPHRASE_ENV];
});

describe('managed settings on the command line', () => {
  it('sealed exports only: a plain export is refused with a sentence, a sealed one is written', async () => {
    const data = tempDir();
    expect((await cli(data, 'bookmark', 'add', 'c2.f2.po.1')).code).toBe(0);
    withPolicy(JSON.stringify({ sealedExportsOnly: true, reason: 'Rule 4.2' }));
    const out = tempDir();
    const plain = await cli(data, 'export', '--format', 'markdown', '--out', join(out, 'brief.md'));
    expect(plain.code).toBe(1);
    expect(plain.err).toMatch(/only sealed.*organisation: Rule 4\.2/);
    expect(existsSync(join(out, 'brief.md'))).toBe(false);
    process.env[SEAL_PASSPHRASE_ENV] = 'a long seal passphrase';
    const sealed = await cli(
      data,
      'export',
      '--format',
      'markdown',
      '--out',
      join(out, 'brief.recollection'),
      '--seal',
    );
    expect(sealed.code, sealed.err).toBe(0);
    expect(readFileSync(join(out, 'brief.recollection'), 'utf8')).toMatch(/^Recollection sealed file/);
  });

  it('protection required: a note is refused until protection is set up', async () => {
    const data = tempDir();
    withPolicy(JSON.stringify({ requireProtection: true }));
    const run = await cli(data, 'bookmark', 'add', 'c2.f2.po.1');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/protected first/);
  });

  it('a damaged policy is said on the error output and read at its strictest', async () => {
    const data = tempDir();
    withPolicy('{ "sealedExportsOnly": ');
    const run = await cli(data, 'bookmark', 'add', 'c2.f2.po.1');
    expect(run.err).toMatch(/could not be read \(it is not valid JSON\): its strictest reading is applied/);
    expect(run.code).toBe(1);
  });
});
