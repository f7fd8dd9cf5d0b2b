/** Backup names: the UTC stamp, and that a name from outside resolves only inside backups/. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../../shared/contract/result';
import { backupNames, createdOf, resolveBackup } from './rotation';
import { stamp } from './file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rec-bname-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof CoreError ? err.code : 'other';
  }
}

describe('backup names', () => {
  it('stamps UTC time as YYYYMMDD-HHMMSS and reads it back', () => {
    expect(stamp(new Date('2025-12-31T23:59:07.900Z'))).toBe('20251231-235907');
    expect(createdOf('user-20251231-235907-3.db')).toBe('2025-12-31T23:59:07.000Z');
    expect(createdOf('notes.db')).toBe('');
  });

  it('orders names by time, then by counter numerically', () => {
    fs.mkdirSync(path.join(dir, 'backups'), { recursive: true });
    for (const n of [
      'user-20250101-000000.db',
      'user-20250101-000000-10.db',
      'user-20250101-000000-2.db',
      'user-20241231-235959.db',
      'other.db',
    ]) {
      fs.writeFileSync(path.join(dir, 'backups', n), '');
    }
    expect(backupNames(dir)).toEqual([
      'user-20250101-000000-10.db',
      'user-20250101-000000-2.db',
      'user-20250101-000000.db',
      'user-20241231-235959.db',
    ]);
  });

  it('rejects anything that is not a plain backup name', () => {
    fs.writeFileSync(path.join(dir, 'user-20250101-000000.db'), '');
    for (const name of [
      '../user-20250101-000000.db',
      '/etc/passwd',
      'backups/user-20250101-000000.db',
      'user-2025-01-01.db',
      'user-20250101-000000.db/..',
      '',
    ]) {
      expect(code(() => resolveBackup(dir, name))).toBe('INVALID_ARGUMENT');
    }
    expect(code(() => resolveBackup(dir, 'user-20990101-000000.db'))).toBe('NOT_FOUND');
    expect(resolveBackup(dir, 'user-20250101-000000.db')).toBe(path.join(dir, 'backups', 'user-20250101-000000.db'));
  });
});
