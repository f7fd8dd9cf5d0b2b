/**
 * npm run build:content — builds build/content/recollection.db when it is
 * missing or stale (see src/core/content-build/ensure.ts); `--force` rebuilds.
 *
 * Constraint: prints what it did in one or two lines; on failure prints one
 * line and exits 1, so `npm start` and `npm test` stop with a clear reason.
 */
import { relative } from 'node:path';
import { ensureContent } from '../src/core/content-build/ensure';
import { errorMessage } from '../src/shared/errors';

const force = process.argv.includes('--force');

try {
  const r = await ensureContent({ force });
  const where = relative(process.cwd(), r.path) || r.path;
  if (!r.built || !r.report) {
    console.log(`content database is up to date (build ${r.buildId.slice(0, 12)}): ${where}`);
  } else {
    const c = r.report.counts;
    console.log(
      `built content database (${r.reason}) in ${Math.round(r.millis)} ms: ` +
        `${c.sections} sections, ${c.blocks} blocks, ${c.footnotes} footnotes, ${c.footnoteRefs} footnote references, ` +
        `${c.crossRefs} cross-references, ${c.indexedDocuments} indexed documents, ${Math.round(r.report.bytes / 1024)} KiB`,
    );
    console.log(`  ${where} (build ${r.buildId.slice(0, 12)})`);
  }
} catch (err) {
  const message = errorMessage(err);
  console.error(`build:content failed: ${message.split('\n')[0]}`);
  process.exit(1);
}
