/**
 * Node's crypto module, loaded on first use: loading it (and the stream
 * modules it pulls in) is ~7 ms of every command-line start, and `search` and
 * `show` make no id, hash or key.
 *
 * Constraint: the same module object as `import … from 'node:crypto'`
 * (`process.getBuiltinModule`, Node ≥ 20.16 and Electron's Node); types are
 * node:crypto's own.
 */
import type * as Crypto from 'node:crypto';

export const nodeCrypto = (): typeof Crypto => process.getBuiltinModule('node:crypto');
