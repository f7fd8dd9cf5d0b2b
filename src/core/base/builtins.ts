/**
 * Node modules that cost start-up time, loaded on first use: `node:crypto`
 * and `node:fs/promises` each pull in Node's stream modules (and readline),
 * ~7 ms each of every command-line start, while `search` and `show` make no
 * id, hash or key and write no file.
 *
 * Constraint: the same module objects as `import … from 'node:…'`
 * (`process.getBuiltinModule`, Node ≥ 20.16 and Electron's Node); their types
 * are Node's own.
 */
import type * as Crypto from 'node:crypto';
import type * as ChildProcess from 'node:child_process';
import type * as FsPromises from 'node:fs/promises';

export const nodeCrypto = (): typeof Crypto => process.getBuiltinModule('node:crypto');
export const fsPromises = (): typeof FsPromises => process.getBuiltinModule('node:fs/promises');
/** Only the policy reader runs a system tool (reg, plutil), and only on Windows and macOS. */
export const childProcess = (): typeof ChildProcess => process.getBuiltinModule('node:child_process');
