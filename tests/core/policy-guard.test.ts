/**
 * Managed settings enforced by the real core on a fresh data folder, through
 * dispatch() as the app, the harness and the command line call it: protection
 * required (nothing written before set-up, never turned off), sealed exports
 * only, the longest auto-lock time over a user setting that disagrees, no
 * keychain, the shared folder set by IT, and a damaged policy file read at its
 * strictest.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManagedPolicy, PolicyView } from '../../src/shared/contract/policy';
import { policyFiles, readPolicy } from '../../src/core/policy/read';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const PASS = 'correct horse battery';
const opened: TestCore[] = [];
const open = (
  policy: ManagedPolicy | PolicyView,
  dataDir = mkdtempSync(join(tmpdir(), 'recollection-pol-')),
): TestCore => {
  const view = 'sources' in policy ? policy : { sources: ['test'], policy, problems: [] };
  const t = openTestCore(dataDir, { policy: view });
  opened.push(t);
  return t;
};
afterEach(() => {
  for (const t of opened.splice(0)) {
    t.close();
    removeDir(t.dataDir);
  }
});
const refusal = async (t: TestCore, channel: string, args: unknown): Promise<string> => {
  const r = await t.raw(channel, args);
  if (r.ok) throw new Error(`${channel} was not refused`);
  expect(r.error.code, r.error.message).toBe('POLICY');
  return r.error.message;
};

describe('managed settings in the core', () => {
  it('protection required: nothing is written before set-up, and protection cannot be turned off', async () => {
    const t = open({ requireProtection: true, reason: 'Rule 4.2' });
    expect((await t.value('app.policy', {})).policy.requireProtection).toBe(true);
    const msg = await refusal(t, 'annotations.create', { blockId: 'c2.f2.po.1', note: 'secret' });
    expect(msg).toMatch(/protected first.*organisation: Rule 4\.2/);
    await refusal(t, 'bookmarks.add', { targetId: 'c2.f2.po.1' });
    await refusal(t, 'export.render', { format: 'markdown', scope: { kind: 'all' }, includeNotes: true });
    expect(await t.value('annotations.list', {})).toEqual([]);
    await t.value('vault.enable', { passphrase: PASS });
    await t.value('annotations.create', { blockId: 'c2.f2.po.1', note: 'secret' });
    await refusal(t, 'vault.disable', { passphrase: PASS });
    expect((await t.value('vault.status', {})).protected).toBe(true);
  });

  it('sealed exports only: a plain export is refused with a sentence, a sealed one is made', async () => {
    const t = open({ sealedExportsOnly: true });
    await t.value('bookmarks.add', { targetId: 'c2.f2.po.1' });
    for (const format of ['markdown', 'docx', 'html', 'csv', 'json'] as const) {
      expect(await refusal(t, 'export.render', { format, scope: { kind: 'all' }, includeNotes: true })).toMatch(
        /only sealed/,
      );
    }
    const sealed = await t.value('export.render', {
      format: 'json',
      scope: { kind: 'all' },
      includeNotes: true,
      seal: { passphrase: 'a long seal passphrase' },
    });
    expect(sealed.filename).toMatch(/\.recollection$/);
  });

  it('the longest auto-lock time wins over a user setting that disagrees, and a longer one is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recollection-pol-'));
    const plain = openTestCore(dir);
    await plain.value('settings.set', { patch: { autoLockMinutes: 0, startInPresentation: false } });
    plain.close();
    const t = open({ maxAutoLockMinutes: 10, startInPresentation: true }, dir);
    const s = await t.value('settings.get', {});
    expect([s.autoLockMinutes, s.startInPresentation]).toEqual([10, true]);
    await refusal(t, 'settings.set', { patch: { autoLockMinutes: 60 } });
    await refusal(t, 'settings.set', { patch: { autoLockMinutes: 0 } });
    await refusal(t, 'settings.set', { patch: { startInPresentation: false } });
    expect((await t.value('settings.set', { patch: { autoLockMinutes: 5 } })).autoLockMinutes).toBe(5);
    expect((await t.value('settings.set', { patch: { theme: 'dark' } })).theme).toBe('dark');
  });

  it('no keychain, the shared folder set by IT, plain layer files not allowed', async () => {
    const t = open({ allowKeychain: false, sharedFolder: '/srv/delegation', allowPlainSharedFolder: false });
    await refusal(t, 'vault.remember', { remember: true });
    await refusal(t, 'folder.choose', {});
    await refusal(t, 'folder.stop', {});
    await refusal(t, 'folder.allowPlain', {});
    await refusal(t, 'folder.setPassphrase', { passphrase: null });
  });

  it("the organisation's shared folder is the folder from the first start", async () => {
    const shared = mkdtempSync(join(tmpdir(), 'recollection-pol-shared-'));
    const t = openTestCore(mkdtempSync(join(tmpdir(), 'recollection-pol-')), {
      policy: { sources: ['test'], policy: { sharedFolder: shared }, problems: [] },
      sharedFolder: { watch: false, pollMs: 60_000 },
    });
    opened.push(t);
    expect((await t.value('folder.status', {})).path).toBe(shared);
    removeDir(shared);
  });

  it('without a policy nothing is refused (the same calls succeed)', async () => {
    const t = openTestCore(mkdtempSync(join(tmpdir(), 'recollection-pol-')));
    opened.push(t);
    expect(await t.value('app.policy', {})).toEqual({ sources: [], policy: {}, problems: [] });
    await t.value('annotations.create', { blockId: 'c2.f2.po.1', note: 'plain' });
    await t.value('export.render', { format: 'markdown', scope: { kind: 'all' }, includeNotes: true });
    await t.value('settings.set', { patch: { autoLockMinutes: 0 } });
  });

  it('a damaged policy file opens the core at its strictest, and says so', async () => {
    const root = mkdtempSync(join(tmpdir(), 'recollection-polroot-'));
    const file = policyFiles({ platform: 'linux', root })[0];
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{ "sealedExportsOnly": fal');
    const t = open(readPolicy({ platform: 'linux', root }));
    const view = await t.value('app.policy', {});
    expect(view.problems[0]).toMatch(/strictest reading/);
    await refusal(t, 'annotations.create', { blockId: 'c2.f2.po.1' });
    await t.value('vault.enable', { passphrase: PASS });
    await refusal(t, 'export.render', { format: 'markdown', scope: { kind: 'all' }, includeNotes: true });
    removeDir(root);
  });
});
