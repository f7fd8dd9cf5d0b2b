/**
 * Child process of the crash test (crash.test.ts): opens the real user store
 * on the real content database and writes annotations as fast as it can —
 * mostly creates, some updates of earlier ones — printing each write on
 * stdout only AFTER the store call has returned (= acknowledged to the user).
 * The parent SIGKILLs it at a random moment.
 *
 *   node --import tsx tests/hardening/crash-child.ts <contentDb> <dataDir> <seqBase> <seed>
 *
 * It loads its modules and the content first, prints `loaded`, and waits for
 * `go` on stdin before opening the user database: the parent starts the next
 * child while the current one runs, so only one ever holds the user database.
 * Then: `ready <recovery or "none"> <records found>`, and `c <seq> <id>`
 * (created) or `u <seq> <id> <createSeq>` (updated) per write, and `b <attempt>` each time
 * a write found the database locked by the other writer (crash.test.ts runs one) and was
 * retried after a timer, as dispatch() does in the app. Constraint: writeSync to
 * the stdout pipe, so a line is in the pipe before the next write starts.
 */
import { writeSync } from 'node:fs';
import { ContentStore } from '../../src/core/content/store';
import { retryBusy } from '../../src/core/base/faults';
import { UserStore } from '../../src/core/user/store';
import { editOf, placeOf } from './crash-writes';
import { between, mulberry32 } from './prng';

const [contentDb, dataDir, seqBaseArg, seedArg] = process.argv.slice(2);
if (!contentDb || !dataDir || !seqBaseArg || !seedArg) {
  process.stderr.write('usage: crash-child.ts <contentDb> <dataDir> <seqBase> <seed>\n');
  process.exit(2);
}
const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

const content = ContentStore.open(contentDb);
const blocks = content.allBlocks();
const rng = mulberry32(Number(seedArg));
say('loaded');
// `go` carries some records acknowledged by earlier children (`<id>:<createSeq>` …) for updates to choose
// from: listing the whole database here would make every start slower as the database grows.
const go = await new Promise<string>((resolve) => process.stdin.once('data', (chunk) => resolve(String(chunk))));
process.stdin.pause();
const known: Array<{ id: string; createSeq: number }> = go
  .trim()
  .split(' ')
  .slice(1)
  .map((pair) => {
    const [id, createSeq] = pair.split(':');
    return { id: id, createSeq: Number(createSeq) };
  });

const store = UserStore.open({ dataDir, content });
/** A write through the app's busy path: immediate transaction, short busy timeout, timer retries. */
const write = <T>(fn: () => T): Promise<T> => retryBusy(fn, { waitMs: 60_000, onRetry: (n) => say(`b ${n}`) });
say(`ready ${store.recovery ?? 'none'} ${known.length}`);

for (let seq = Number(seqBaseArg); ; seq++) {
  if (known.length > 0 && rng() < 0.3) {
    const target = known[between(rng, 0, known.length - 1)];
    const edit = editOf(seq, target.createSeq);
    await write(() => store.annotations.update({ id: target.id, patch: edit }));
    say(`u ${seq} ${target.id} ${target.createSeq}`);
  } else {
    const place = placeOf(seq, blocks);
    const a = await write(() => store.annotations.create({ ...place, ...editOf(seq, seq) }));
    known.push({ id: a.id, createSeq: seq });
    say(`c ${seq} ${a.id}`);
  }
}
