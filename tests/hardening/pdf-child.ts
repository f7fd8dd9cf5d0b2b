/**
 * Child process of the PDF temporary-files test (pdf-temps.test.ts): prints a
 * brief holding a note through `printHtmlToPdf` with the browser it is given
 * (the test's stand-in, which stops and waits to be killed), so the parent can
 * SIGKILL this process mid-print.
 *
 *   node pdf-child.mjs <dataDir> <browser>
 */
import { printHtmlToPdf } from '../../src/cli/pdf';

const [dataDir, browser] = process.argv.slice(2);
if (!dataDir || !browser) {
  process.stderr.write('usage: pdf-child.mjs <dataDir> <browser>\n');
  process.exit(2);
}
await printHtmlToPdf('<p>Pangolin note: red line on access to justice</p>', browser, { dataDir });
process.exit(0);
