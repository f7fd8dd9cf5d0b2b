/**
 * Child process of the conversion crash test (crash-vault.test.ts): opens the
 * real core on a data folder, prints `ready`, waits for `go`, then turns
 * protection on (if off) or off (if on) with the test passphrase and prints
 * `done <on|off> <ms>`. The parent SIGKILLs it at a random moment of that.
 *
 *   node crash-vault-child.mjs <contentDb> <dataDir> <passphrase>
 */
import { writeSync } from 'node:fs';
import { ContentStore } from '../../src/core/content/store';
import { UserStore } from '../../src/core/user/store';
import { VaultActions } from '../../src/core/user/vault/actions';

const [contentDb, dataDir, passphrase] = process.argv.slice(2);
if (!contentDb || !dataDir || !passphrase) {
  process.stderr.write('usage: crash-vault-child.mjs <contentDb> <dataDir> <passphrase>\n');
  process.exit(2);
}
const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

// The user store and vault as openCore joins them (openCore itself would bundle the dictionaries too).
const content = ContentStore.open(contentDb);
const store = UserStore.open({ dataDir, content });
const vault = new VaultActions(store, { dataDir, kdfTargetMs: 1 });
say('ready');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
const started = performance.now();
const took = (): string => (performance.now() - started).toFixed(0);
if (vault.status().protected) {
  await vault.disable({ passphrase });
  say(`done off ${took()}`);
} else {
  await vault.enable({ passphrase });
  say(`done on ${took()}`);
}
store.close();
content.close();
process.exit(0);
