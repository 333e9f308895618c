import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type FileStore, measureStream } from '@tessera/files';
import type { Kysely } from 'kysely';
import type { TableEntry } from './catalog';
import type { Manifest } from './manifest';
import { tableLines } from './table-rows';

// biome-ignore lint/suspicious/noExplicitAny: read through the generic row stream
type AnyDb = Kysely<any>;

/** The uploads' table: its rows name the bytes kept in the file store. */
const FILES_TABLE: TableEntry = { schema: 'public', name: 'files', primaryKey: ['id'] };

interface FileRow {
  id: string;
  sha256: string;
}

/** Inside a backup, sharded by the first two hex digits so no folder holds a million entries. */
const pathIn = (folder: string, id: string) => join(folder, 'files', id.slice(0, 2), id);

async function* fileRows(tx: AnyDb): AsyncGenerator<FileRow> {
  for await (const lines of tableLines(tx, FILES_TABLE)) for (const line of lines) yield JSON.parse(line) as FileRow;
}

/**
 * Copies the bytes of every file the snapshot knows into the backup, checking each against the
 * SHA-256 recorded at upload. A file gone from the store or changed on disk is listed as missing
 * rather than failing every backup from then on; the manifest says so and the restore reports it.
 */
export async function copyFilesOut(tx: AnyDb, store: FileStore, folder: string): Promise<Manifest['files']> {
  const listing = createHash('sha256');
  const missing: string[] = [];
  let count = 0;
  let bytes = 0;
  for await (const row of fileRows(tx)) {
    const target = pathIn(folder, row.id);
    await mkdir(join(target, '..'), { recursive: true });
    const hash = measureStream();
    const copied = await pipeline(store.open(row.id), hash.stream, createWriteStream(target)).then(
      () => hash.sha256() === row.sha256,
      () => false,
    );
    if (!copied) {
      missing.push(row.id);
      await rm(target, { force: true });
      continue;
    }
    count += 1;
    bytes += hash.size();
    listing.update(`${row.id} ${row.sha256}\n`);
  }
  return { count, bytes, sha256: listing.digest('hex'), missing };
}

/** Puts every backed-up file into the new workspace's store, each checked against its recorded SHA-256. */
export async function copyFilesIn(tx: AnyDb, store: FileStore, folder: string, expected: Manifest['files']): Promise<{ count: number; missing: number }> {
  const listing = createHash('sha256');
  const missing = new Set(expected.missing);
  let count = 0;
  for await (const row of fileRows(tx)) {
    if (missing.has(row.id)) continue;
    const { sha256 } = await store.put(row.id, createReadStream(pathIn(folder, row.id)));
    if (sha256 !== row.sha256) throw new Error(`file ${row.id}: its bytes in the backup do not match their checksum`);
    count += 1;
    listing.update(`${row.id} ${row.sha256}\n`);
  }
  if (count !== expected.count || listing.digest('hex') !== expected.sha256)
    throw new Error(`files: ${count} restored, the manifest lists ${expected.count}; the backup's file list does not match its manifest`);
  return { count, missing: missing.size };
}
