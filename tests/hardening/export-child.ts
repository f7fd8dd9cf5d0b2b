/**
 * Child process of the export-temp test (export-temps.test.ts): writes a large
 * export with the real writeFileAtomic, recorded in the data folder, and is
 * SIGKILLed by the parent while the temporary file is being written.
 *
 *   node --import tsx tests/hardening/export-child.ts <dataDir> <destination> <megabytes>
 */
import { writeFileAtomic } from '../../src/core/base/files';

const [dataDir, destination, megabytes] = process.argv.slice(2);
if (!dataDir || !destination || !megabytes) {
  process.stderr.write('usage: export-child.ts <dataDir> <destination> <megabytes>\n');
  process.exit(2);
}
process.stdout.write('writing\n');
await writeFileAtomic(destination, Buffer.alloc(Number(megabytes) * 1024 * 1024, 0x6e), { dataDir });
process.stdout.write('written\n');
