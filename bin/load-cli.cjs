/**
 * Loads the command-line bundle (out/cli/cli.cjs, made by `npm run build:cli`)
 * with V8's code cache: the bytecode of every function a `search` or `show`
 * runs, written by the build (out/cli/cli.cache), so a command starts without
 * parsing or compiling the bundle. Node 20 has no code cache for ES modules,
 * hence one CommonJS bundle compiled here through `vm.Script`.
 *
 * Constraints: plain JavaScript that Node runs as it is. The cache is used
 * only for the bundle it was made from (its size and modification time are
 * in the cache's header); a missing, stale or rejected cache (another Node
 * version) only costs time: the bundle is compiled from source then.
 * `RECOLLECTION_DEBUG=1` says on stderr which of these happened. CommonJS, as
 * the bin is: a command never starts Node's ES module loader.
 */
/* global process, Buffer -- Node globals: this file is plain CommonJS, outside the TypeScript projects */
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

/** The bundle, and the code cache made for it, inside `dir` (out/cli). */
const bundleFiles = (dir) => ({ bundle: join(dir, 'cli.cjs'), cache: join(dir, 'cli.cache') });

/** Header of the cache file: which bundle it was made from (size and mtime), as JSON, then a newline. */
function stamp(bundle) {
  const s = statSync(bundle);
  return JSON.stringify({ size: s.size, mtimeMs: s.mtimeMs });
}

function readCache(cache, expected) {
  let data;
  try {
    data = readFileSync(cache);
  } catch {
    return { cachedData: undefined, state: 'none' };
  }
  const end = data.indexOf(0x0a);
  if (end < 0 || data.subarray(0, end).toString() !== expected) return { cachedData: undefined, state: 'stale' };
  return { cachedData: data.subarray(end + 1), state: 'used' };
}

/**
 * Compiles and runs the bundle; returns its exports (`main`) and the compiled script (from which
 * the build writes the cache after a warm-up run).
 */
function loadCli(dir) {
  const { bundle, cache } = bundleFiles(resolve(dir));
  const source = readFileSync(bundle, 'utf8');
  const header = stamp(bundle);
  const { cachedData, state } = readCache(cache, header);
  // The CommonJS wrapper, plus the bundle's own file URL for the code that asks import.meta.url.
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __bundleUrl) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const used = state === 'used' ? (script.cachedDataRejected ? 'rejected' : 'used') : state;
  if (process.env.RECOLLECTION_DEBUG) process.stderr.write(`recollection: code cache ${used}\n`);
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(bundle),
    module,
    bundle,
    dirname(bundle),
    pathToFileURL(bundle).href,
  );
  return {
    main: module.exports.main,
    outputSettled: module.exports.outputSettled,
    writeCache: () => writeFileSync(cache, Buffer.concat([Buffer.from(`${header}\n`), script.createCachedData()])),
  };
}

module.exports = { bundleFiles, loadCli };
