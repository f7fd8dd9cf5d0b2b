/**
 * npm run build:cli — bundles the command line (src/cli/index.ts) into
 * out/cli/, the program that `recollection` (package.json `bin`) runs, and
 * writes V8's code cache for it.
 *
 * Why a bundle: run through tsx, every call compiled the TypeScript sources
 * first (2.4–5.3 s a command). Why one CommonJS file and a code cache: Node 20
 * has no code cache for ES modules, and parsing and compiling the code a
 * `search` runs was a third of its start; bin/load-cli.cjs compiles cli.cjs with
 * the bytecode the build saved from a warm-up run of search and show on the
 * development content database (no database: no cache, and the next build
 * makes it). Constraints: every npm package but the three the reading path
 * needs (zod, MiniSearch, approx-string-match) is bundled apart, one file per
 * import in out/cli/vendor/, so a command reads and compiles a library only
 * when it runs code that imports it (DOCX, Markdown, CSV, age: `export` and
 * `import`); better-sqlite3 stays external (a native addon, the Node build in
 * node_modules); skipped when no input changed since the last build (a sha256
 * over the inputs the last build's metafile lists), `--force` rebuilds. Prints
 * one line; on failure one line and exit 1.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { CONTENT_DB_PATH } from '../src/core/content/location';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = join(ROOT, 'out', 'cli');
export const CLI_BUNDLE = join(CLI_OUT, 'cli.cjs');
export const CLI_CACHE = join(CLI_OUT, 'cli.cache');
const STAMP = join(CLI_OUT, '.inputs.json');

/**
 * Packages compiled into cli.cjs: what `search` and `show` run, the JavaScript of the two SQLite
 * packages included (their addons are loaded by path: src/cli/paths.ts `nodeAddon`).
 */
const IN_BUNDLE = new Set([
  'zod',
  'minisearch',
  'approx-string-match',
  // Every search folds French and Spanish words with these (search/romance.ts): small, and always read.
  '@orama/stemmers',
  'better-sqlite3',
  'better-sqlite3-multiple-ciphers',
]);
/** Loaded from node_modules: `bindings` finds an addon relative to its own package (only used when no path is given). */
const NATIVE = new Set(['bindings']);
const packageOf = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const vendorFile = (spec: string): string => `vendor/${spec.replace(/^@/, '').replace(/[^A-Za-z0-9.-]+/g, '-')}.cjs`;

/**
 * A vendor file's exports as the bundle's imports read them: cli.cjs reads an import of a
 * CommonJS file as Node does (its default import is `module.exports`), so a package whose only
 * export is its default (markdown-it) exports that value itself; any other exports its namespace.
 */
const vendorEntries: Plugin = {
  name: 'vendor-entries',
  setup(b) {
    b.onResolve({ filter: /^vendor-entry:/ }, (args) => ({
      path: args.path.slice('vendor-entry:'.length),
      namespace: 'vendor-entry',
    }));
    b.onLoad({ filter: /.*/, namespace: 'vendor-entry' }, (args) => ({
      contents: [
        `const ns = require(${JSON.stringify(args.path)});`,
        "const names = Object.keys(ns).filter((k) => k !== '__esModule');",
        "if (names.includes('default') && names.length > 1) throw new Error('a default and named exports: not supported by the vendor split');",
        "module.exports = names.length === 1 && names[0] === 'default' ? ns.default : ns;",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

/** Sends every other package import to its own file in out/cli/vendor/, recording which. */
function vendorPlugin(imported: Set<string>): Plugin {
  return {
    name: 'vendor',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || args.kind === 'entry-point') return undefined;
        const pkg = packageOf(args.path);
        if (IN_BUNDLE.has(pkg) || NATIVE.has(pkg) || args.importer.includes('/node_modules/')) return undefined;
        imported.add(args.path);
        // A dynamic import() stays a require() in the bundle (vm.Script has no module loader for it).
        if (args.kind === 'dynamic-import') return { path: args.path, namespace: 'vendor-dynamic' };
        return { path: `./${vendorFile(args.path)}`, external: true };
      });
      b.onResolve({ filter: /^\.\/vendor\//, namespace: 'vendor-dynamic' }, (args) => ({
        path: args.path,
        external: true,
      }));
      b.onLoad({ filter: /.*/, namespace: 'vendor-dynamic' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`./${vendorFile(args.path)}`)});`,
        loader: 'js',
      }));
    },
  };
}

/**
 * zod re-exports its error messages in some forty languages (`z.locales`), which every start
 * would compile; the command line speaks English, the one locale zod registers by default
 * (imported on its own by zod's schemas), so the list of the others is left out.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`)
        ? { path: 'zod-locales', namespace: 'zod-english-only' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

interface Stamp {
  inputs: string[];
  hash: string;
}

function hashOf(inputs: readonly string[]): string | null {
  const h = createHash('sha256');
  for (const input of inputs) {
    const path = join(ROOT, input);
    if (!existsSync(path)) return null;
    h.update(input).update('\0').update(readFileSync(path)).update('\0');
  }
  return h.digest('hex');
}

/** Up to date: the bundle and its cache exist (or there is no content database to make the cache with) for these inputs. */
function upToDate(): boolean {
  if (!existsSync(CLI_BUNDLE) || !existsSync(STAMP)) return false;
  if (!existsSync(CLI_CACHE) && existsSync(CONTENT_DB_PATH)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
    const hash = hashOf(stamp.inputs);
    return hash !== null && hash === stamp.hash;
  } catch {
    return false;
  }
}

/**
 * Rewrites every non-ASCII character of the bundle as a \\u escape (esbuild leaves them in regular
 * expressions): one non-ASCII character makes V8 hold the whole 550 KB source as a two-byte
 * string, slower to read, hash and scan at every start. Valid wherever such a character can
 * stand in the bundle: strings, templates, regular expressions (a surrogate pair stays one code
 * point under the u flag) and identifiers.
 */
function asciiOnly(file: string): void {
  const text = readFileSync(file, 'utf8');
  const escaped = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== text) writeFileSync(file, escaped);
}

/** The commands whose code the cache holds: what a person at a shell runs most (search with and without a typo, show by id and by label). */
const WARM_UP = [
  ['search', 'remittance', 'costs'],
  ['search', 'labour', 'inspection', '--json'],
  ['search', 'remitances'],
  ['show', 'c2.f2.po.1'],
  ['show', '2.2 PO 1', '--json'],
  ['show', 'fn.12'],
];

/**
 * Runs the warm-up commands in one fresh Node process (the same binary and flags as `recollection`,
 * so V8 accepts the cache) on a throwaway data folder, then writes the code cache. Returns false
 * when there is no content database to run them on.
 */
function writeCodeCache(): boolean {
  if (!existsSync(CONTENT_DB_PATH)) return false;
  const dataDir = mkdtempSync(join(tmpdir(), 'recollection-cli-cache-'));
  try {
    const loader = join(ROOT, 'bin', 'load-cli.cjs');
    const script = [
      `const { loadCli } = require(${JSON.stringify(loader)});`,
      `const cli = loadCli(${JSON.stringify(CLI_OUT)});`,
      'const quiet = { out() {}, err() {} };',
      '(async () => {',
      `  for (const argv of ${JSON.stringify(WARM_UP)}) {`,
      `    const code = await cli.main([...argv, '--data-dir', ${JSON.stringify(dataDir)}, '--content', ${JSON.stringify(CONTENT_DB_PATH)}], quiet);`,
      "    if (code !== 0) throw new Error(`${argv.join(' ')} exited ${code}`);",
      '  }',
      '  cli.writeCache();',
      '})().catch((err) => {',
      '  process.stderr.write(String(err && err.message));',
      '  process.exitCode = 1;',
      '});',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.status !== 0)
      throw new Error(`the code cache warm-up failed: ${(run.stderr || run.error?.message || '').trim()}`);
    return true;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What the bundle and the vendor files are built with alike: CommonJS for Node 20, in out/cli. */
const COMMON = {
  absWorkingDir: ROOT,
  outdir: CLI_OUT,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Less to read and hash at every start; names are kept, so a RECOLLECTION_DEBUG stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  external: [...NATIVE],
  metafile: true,
  logLevel: 'error',
} as const satisfies BuildOptions;

export async function buildCli(force = false): Promise<{ built: boolean; millis: number; cached: boolean }> {
  const started = performance.now();
  if (!force && upToDate()) return { built: false, millis: performance.now() - started, cached: existsSync(CLI_CACHE) };
  rmSync(CLI_OUT, { recursive: true, force: true });
  mkdirSync(CLI_OUT, { recursive: true });
  const vendored = new Set<string>();
  const main = await build({
    ...COMMON,
    entryPoints: { cli: 'src/cli/index.ts' },
    // The bundle's own URL, which load-cli.cjs passes in (location.ts finds the repository from it).
    define: { 'import.meta.url': '__bundleUrl' },
    plugins: [zodEnglishOnly, vendorPlugin(vendored)],
  });
  const vendor = await build({
    ...COMMON,
    entryPoints: [...vendored].map((spec) => ({
      in: `vendor-entry:${spec}`,
      out: vendorFile(spec).replace(/\.cjs$/, ''),
    })),
    plugins: [vendorEntries],
  });
  asciiOnly(CLI_BUNDLE);
  const metafile: Metafile = {
    inputs: { ...vendor.metafile.inputs, ...main.metafile.inputs },
    outputs: { ...main.metafile.outputs, ...vendor.metafile.outputs },
  };
  // Plugin modules (`namespace:path`) are not files; the plugin itself is in this script.
  const inputs = [
    ...Object.keys(metafile.inputs).filter((p) => !p.includes(':')),
    'package.json',
    'scripts/build-cli.ts',
    'bin/load-cli.cjs',
  ]
    .map((p) => relative(ROOT, join(ROOT, p)))
    .sort();
  writeFileSync(join(CLI_OUT, 'meta.json'), JSON.stringify(metafile));
  const cached = writeCodeCache();
  writeFileSync(STAMP, JSON.stringify({ inputs, hash: hashOf(inputs) ?? '' } satisfies Stamp));
  return { built: true, millis: performance.now() - started, cached };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = await buildCli(process.argv.includes('--force'));
    const where = relative(process.cwd(), CLI_BUNDLE) || CLI_BUNDLE;
    const cache = r.cached
      ? 'with its code cache'
      : 'without a code cache (no content database yet: npm run build:content)';
    // Quiet when nothing changed: `npm run cli` runs this before every command.
    if (r.built) console.error(`built the command line in ${Math.round(r.millis)} ms, ${cache}: ${where}`);
  } catch (err) {
    console.error(`build:cli failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    process.exit(1);
  }
}
