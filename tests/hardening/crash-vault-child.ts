/**
 * Child process of the conversion crash test (crash-vault.test.ts): opens the
 * real user store on a data folder, then turns protection on (if off) or off
 * (if on) with the test passphrase, and stops itself hard — SIGKILL, as a
 * power cut or `kill -9` would — when the conversion reaches the named step
 * (`<step>` or `<step>#<n>`: its n-th time, e.g. the second backup). The step
 * comes from the core's own test hook (VaultOptions.onStep), so the kill lands
 * at the same place on any machine, however loaded. Prints `done <on|off>`
 * when the step was never reached.
 *
 *   node crash-vault-child.mjs <contentDb> <dataDir> <passphrase> <step>
 */
import { writeSync } from 'node:fs';
import { ContentStore } from '../../src/core/content/store';
import { UserStore } from '../../src/core/user/store';
import { VaultActions } from '../../src/core/user/vault/actions';
import type { ConversionStep } from '../../src/core/user/vault/convert';

const [contentDb, dataDir, passphrase, at] = process.argv.slice(2);
if (!contentDb || !dataDir || !passphrase || !at) {
  process.stderr.write('usage: crash-vault-child.mjs <contentDb> <dataDir> <passphrase> <step>\n');
  process.exit(2);
}
const [stopAt, nth] = at.split('#');
let seen = 0;
const onStep = (step: ConversionStep): void => {
  if (step === stopAt && ++seen === Number(nth ?? 1)) process.kill(process.pid, 'SIGKILL');
};

// The user store and vault as openCore joins them (openCore itself would bundle the dictionaries too).
const content = ContentStore.open(contentDb);
const store = UserStore.open({ dataDir, content });
const vault = new VaultActions(store, { dataDir, kdfTargetMs: 1, onStep });
if (vault.status().protected) {
  await vault.disable({ passphrase });
  writeSync(1, 'done off\n');
} else {
  await vault.enable({ passphrase });
  writeSync(1, 'done on\n');
}
store.close();
content.close();
process.exit(0);
