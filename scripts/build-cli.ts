/**
 * npm run build:cli — bundles the command line (src/cli/index.ts) into
 * out/cli/, the program that `recollection` (package.json `bin`) runs.
 *
 * Why a bundle: run through tsx, every call compiled the TypeScript sources
 * first (2.4–5.3 s a command); the bundle starts in a fraction of that.
 * Constraints: ES modules split into chunks, so a command loads only the code
 * it reaches (the DOCX and Markdown libraries are separate chunks, loaded by
 * `export` alone); better-sqlite3 stays external (a native addon, the Node
 * build in node_modules); skipped when no input changed since the last build
 * (a sha256 over the inputs the last build's metafile lists), `--force`
 * rebuilds. Prints one line; on failure one line and exit 1.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = join(ROOT, 'out', 'cli');
export const CLI_ENTRY = join(CLI_OUT, 'index.js');
const STAMP = join(CLI_OUT, '.inputs.json');

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

function upToDate(): boolean {
  if (!existsSync(CLI_ENTRY) || !existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
    const hash = hashOf(stamp.inputs);
    return hash !== null && hash === stamp.hash;
  } catch {
    return false;
  }
}

export async function buildCli(force = false): Promise<{ built: boolean; millis: number }> {
  const started = performance.now();
  if (!force && upToDate()) return { built: false, millis: performance.now() - started };
  rmSync(CLI_OUT, { recursive: true, force: true });
  mkdirSync(CLI_OUT, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'src/cli/index.ts' },
    outdir: CLI_OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'],
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS dependencies call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    plugins: [zodEnglishOnly],
    metafile: true,
    logLevel: 'error',
  });
  // Plugin modules (`namespace:path`) are not files; the plugin itself is in this script.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((p) => !p.includes(':')),
    'package.json',
    'scripts/build-cli.ts',
  ]
    .map((p) => relative(ROOT, join(ROOT, p)))
    .sort();
  writeFileSync(STAMP, JSON.stringify({ inputs, hash: hashOf(inputs) ?? '' } satisfies Stamp));
  writeFileSync(join(CLI_OUT, 'meta.json'), JSON.stringify(result.metafile));
  return { built: true, millis: performance.now() - started };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = await buildCli(process.argv.includes('--force'));
    const where = relative(process.cwd(), CLI_ENTRY) || CLI_ENTRY;
    // Quiet when nothing changed: `npm run cli` runs this before every command.
    if (r.built) console.error(`built the command line in ${Math.round(r.millis)} ms: ${where}`);
  } catch (err) {
    console.error(`build:cli failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    process.exit(1);
  }
}
