/** Writes the B2 files in a process of its own, so the benchmark's peak RSS is the import's, not the generator's. */
import { writeCsv, writeWorkbook } from './write-files';

const [xlsx, csv, rows, existing] = process.argv.slice(2);
if (!xlsx || !csv || !rows || !existing) throw new Error('usage: write-files-cli <xlsx> <csv> <rows> <existing>');
await writeWorkbook(xlsx, Number(rows), Number(existing));
await writeCsv(csv, Number(rows), Number(existing));
