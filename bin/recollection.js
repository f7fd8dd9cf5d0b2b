#!/usr/bin/env node
/**
 * `recollection`, the command line (package.json `bin`): runs the bundle that
 * `npm run build:cli` makes in out/cli/ (see docs/cli.md).
 *
 * Constraint: plain JavaScript that Node runs as it is, so starting a command
 * costs no compilation; when the bundle is missing it says how to make it, in
 * one line, and exits 1 like every other command-line error.
 */
/* global process, URL -- Node globals: this file is plain JavaScript, outside the TypeScript projects */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../out/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`recollection: the command line is not built: run "npm run build:cli" in ${root}\n`);
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
