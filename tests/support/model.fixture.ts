/**
 * The miniature document of the build, store and search unit tests: a cut-down copy of the
 * real source text (tests/fixtures/recollection-miniature.txt, how it was cut in
 * tests/fixtures/recollection-miniature.md) turned into a model by the real parser, and into a
 * content database by the real content build (parse, then buildContentDb with the thesaurus,
 * as npm run build:content does).
 *
 * Constraint: test data only (under tests/: lint forbids production code to import it); nothing
 * here is hand-built, so a test on the miniature meets what the parser really produces (ids,
 * labels, footnote statuses, cross-references); the copy keeps every line the parser's
 * document-specific quirks need, so the parser's "each quirk exactly once" check holds on it
 * (tests/core/fixture-model.test.ts checks that and that every block and footnote is the real one).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContentFromText } from '../../src/core/content-build/ensure';
import type { BuildReport } from '../../src/core/content-build/build';
import { parseRecollection } from '../../src/core/content/parse/index';
import type { DocumentModel } from '../../src/shared/model';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_PATH = path.join(ROOT, 'tests', 'fixtures', 'recollection-miniature.txt');

let cachedText: string | null = null;

/** The miniature source text (read once per test file). */
export function fixtureText(): string {
  cachedText ??= readFileSync(FIXTURE_PATH, 'utf8');
  return cachedText;
}

/** The real parser's model of the miniature: a fresh object on every call (tests may change it). */
export function fixtureModel(): DocumentModel {
  return parseRecollection(fixtureText());
}

/** The miniature's content database at `outPath`, made by the real content build. */
export function buildFixtureDb(outPath: string, buildId = 'fixture'): BuildReport {
  return buildContentFromText(fixtureText(), { outPath, buildId });
}
