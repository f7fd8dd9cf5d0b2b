/**
 * The managed-settings reader on real files in a temporary system root, for each
 * system's location: a valid policy, a damaged one (its strictest reading), an
 * unknown key (reported), a bad value (that key at its strictest), an unreadable
 * file, and two sources that disagree (the stricter wins).
 *
 * Not run here: `reg query` on Windows and `plutil` on macOS. Their output is
 * given as those tools print it (the reader's `run`), the files are real.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STRICTEST } from '../../src/shared/contract/policy';
import {
  parseRegQuery,
  policyFiles,
  readPolicy,
  POLICY_MAX_BYTES,
  type PolicySystem,
} from '../../src/core/policy/read';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
const root = (): string => {
  const r = mkdtempSync(join(tmpdir(), 'recollection-policy-'));
  roots.push(r);
  return r;
};
const put = (file: string, text: string): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const noTools: PolicySystem['run'] = () => null;

describe('policy locations', () => {
  it('Linux reads /etc/recollection/policy.json; Windows %ProgramData%\\Recollection; macOS /Library/Application Support', () => {
    const r = root();
    expect(policyFiles({ platform: 'linux', root: r })).toEqual([join(r, 'etc', 'recollection', 'policy.json')]);
    expect(policyFiles({ platform: 'darwin', root: r })).toEqual([
      join(r, 'Library', 'Application Support', 'Recollection', 'policy.json'),
    ]);
    expect(policyFiles({ platform: 'win32', root: r, env: { ProgramData: 'D:\\ProgramData' } })).toEqual([
      join(r, 'ProgramData', 'Recollection', 'policy.json'),
    ]);
  });

  it('no file and no registry key: no policy, no problem', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(readPolicy({ platform, root: root(), env: {}, run: noTools })).toEqual({
        sources: [],
        policy: {},
        problems: [],
      });
    }
  });
});

describe('each system', () => {
  const valid = {
    requireProtection: true,
    maxAutoLockMinutes: 10,
    sealedExportsOnly: true,
    language: 'fr',
    reason: 'Ministry rule 4.2',
  };
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it(`${platform}: a valid file is applied as written`, () => {
      const r = root();
      const sys: PolicySystem = { platform, root: r, env: { ProgramData: 'C:\\ProgramData' }, run: noTools };
      put(policyFiles(sys)[0], JSON.stringify(valid));
      const view = readPolicy(sys);
      expect(view.policy).toEqual(valid);
      expect(view.problems).toEqual([]);
      expect(view.sources).toEqual(policyFiles(sys));
    });

    it(`${platform}: a damaged file applies the strictest reading and says so`, () => {
      const r = root();
      const sys: PolicySystem = { platform, root: r, env: {}, run: noTools };
      put(policyFiles(sys)[0], '{"requireProtection": tru');
      const view = readPolicy(sys);
      expect(view.policy).toEqual(STRICTEST);
      expect(view.problems).toHaveLength(1);
      expect(view.problems[0]).toMatch(/could not be read \(it is not valid JSON\): its strictest reading is applied/);
    });
  }

  it('an unknown key is reported, the rest applied; a bad value applies that key at its strictest', () => {
    const r = root();
    const sys: PolicySystem = { platform: 'linux', root: r };
    put(
      policyFiles(sys)[0],
      JSON.stringify({ requireProtection: 'yes', maxAutoLockMinutes: 10, lockAfter: 3, language: 'de' }),
    );
    const view = readPolicy(sys);
    expect(view.policy).toEqual({ requireProtection: true, maxAutoLockMinutes: 10 });
    expect(view.problems.join('\n')).toMatch(/unknown setting "lockAfter": it is not applied/);
    expect(view.problems.join('\n')).toMatch(
      /"requireProtection" that is not valid: its strictest value \(true\) is applied/,
    );
    expect(view.problems.join('\n')).toMatch(/"language" that is not valid: it is not applied/);
  });

  it('an unreadable, oversized, non-object or non-regular policy is read at its strictest', () => {
    const cases: Array<[string, (file: string) => void, RegExp]> = [
      ['array', (f) => put(f, '[]'), /not a JSON object/],
      ['large', (f) => put(f, `{"reason": "${'x'.repeat(POLICY_MAX_BYTES)}"}`), /larger than 64 KB/],
      ['folder', (f) => mkdirSync(f, { recursive: true }), /not a regular file/],
      [
        'not utf-8',
        (f) => {
          mkdirSync(dirname(f), { recursive: true });
          writeFileSync(f, Buffer.from([0x7b, 0xff, 0x7d]));
        },
        /not UTF-8 text/,
      ],
    ];
    if (process.getuid?.() !== 0) {
      cases.push([
        'unreadable',
        (f) => {
          put(f, '{}');
          chmodSync(f, 0o000);
        },
        /cannot be read \(EACCES\)/,
      ]);
    }
    for (const [what, make, why] of cases) {
      const sys: PolicySystem = { platform: 'linux', root: root() };
      make(policyFiles(sys)[0]);
      const view = readPolicy(sys);
      expect(view.policy, what).toEqual(STRICTEST);
      expect(view.problems[0], what).toMatch(why);
    }
  });

  it('a link to /dev/zero is not read endlessly', () => {
    const sys: PolicySystem = { platform: 'linux', root: root() };
    const file = policyFiles(sys)[0];
    mkdirSync(dirname(file), { recursive: true });
    symlinkSync('/dev/zero', file);
    const view = readPolicy(sys);
    expect(view.policy).toEqual(STRICTEST);
    expect(view.problems[0]).toMatch(/not a regular file/);
  });
});

describe('Windows registry and macOS profiles (as their tools print them)', () => {
  const regOut = [
    '',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Recollection',
    '    requireProtection    REG_DWORD    0x1',
    '    maxAutoLockMinutes    REG_DWORD    0x1e',
    '    reason    REG_SZ    Rule 4.2 of the ministry',
    '    sealedExportsOnly    REG_DWORD    0x0',
    '',
  ].join('\r\n');

  it('reads DWORDs as numbers and booleans, strings as they are', () => {
    expect(parseRegQuery(regOut)).toEqual({
      requireProtection: 1,
      maxAutoLockMinutes: 30,
      reason: 'Rule 4.2 of the ministry',
      sealedExportsOnly: 0,
    });
  });

  it('HKLM, HKCU and the ProgramData file together: the stricter value of each key wins', () => {
    const r = root();
    const sys: PolicySystem = {
      platform: 'win32',
      root: r,
      env: { ProgramData: 'C:\\ProgramData' },
      run: (cmd, args) => (cmd === 'reg' && args[1].startsWith('HKLM') ? regOut : null),
    };
    put(policyFiles(sys)[0], JSON.stringify({ maxAutoLockMinutes: 10, sealedExportsOnly: true, allowKeychain: true }));
    const view = readPolicy(sys);
    expect(view.sources).toEqual(['HKLM\\SOFTWARE\\Policies\\Recollection', policyFiles(sys)[0]]);
    expect(view.policy).toEqual({
      requireProtection: true,
      maxAutoLockMinutes: 10,
      reason: 'Rule 4.2 of the ministry',
      sealedExportsOnly: true,
      allowKeychain: true,
    });
  });

  it('a configuration profile is read through plutil; one plutil cannot read is read at its strictest', () => {
    const r = root();
    const profile = join(r, 'Library', 'Managed Preferences', 'org.recollection.app.plist');
    put(profile, '<?xml version="1.0"?><plist><dict><key>allowKeychain</key><false/></dict></plist>');
    const json = readPolicy({ platform: 'darwin', root: r, run: () => '{"allowKeychain": false}' });
    expect(json.policy).toEqual({ allowKeychain: false });
    const broken = readPolicy({ platform: 'darwin', root: r, run: () => null });
    expect(broken.policy).toEqual(STRICTEST);
    expect(broken.problems[0]).toMatch(/plutil could not read it/);
  });
});

describe('a second root (RECOLLECTION_POLICY_ROOT)', () => {
  it('is read after the system policy and can only add restrictions', () => {
    const system = root();
    const extra = root();
    put(
      policyFiles({ platform: 'linux', root: system })[0],
      JSON.stringify({ requireProtection: true, language: 'es' }),
    );
    put(
      policyFiles({ platform: 'linux', root: extra })[0],
      JSON.stringify({ requireProtection: false, sealedExportsOnly: true, language: 'fr' }),
    );
    const view = readPolicy({ platform: 'linux', root: system, alsoRoot: extra });
    expect(view.policy).toEqual({ requireProtection: true, language: 'es', sealedExportsOnly: true });
  });
});
