#!/usr/bin/env node
/**
 * `recollection`, the command line (package.json `bin`): runs the bundle that
 * `npm run build:cli` makes in out/cli/ (see docs/cli.md), through
 * load-cli.cjs and its code cache.
 *
 * Constraint: plain JavaScript that Node runs as it is, so starting a command
 * costs no compilation; when the bundle is missing it says how to make it, in
 * one line, and exits 1 like every other command-line error.
 */
/* global process, __dirname -- Node globals: this file is plain CommonJS, outside the TypeScript projects */
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { bundleFiles, loadCli } = require('./load-cli.cjs');

const out = join(__dirname, '..', 'out', 'cli');
if (!existsSync(bundleFiles(out).bundle)) {
  process.stderr.write(
    `recollection: the command line is not built: run "npm run build:cli" in ${join(__dirname, '..')}/\n`,
  );
  process.exit(1);
}
const cli = loadCli(out);
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // The command is done. When nothing is left to run (no timer, no file work, no output still
  // queued), leave now: Node's orderly teardown of the heap would add ~10 ms to every command.
  const idle = process.getActiveResourcesInfo().every((r) => r === 'TTYWrap' || r === 'PipeWrap');
  if (idle && cli.outputSettled()) process.exit(code);
});
