import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '@tessera/db';
import type { FileStore } from '@tessera/files';
import { type Kysely, sql } from 'kysely';
import { copyFilesOut } from './backup-files';
import { type AppTableShape, listAppSchemas, listTables, readMigrations, readSequences, readTableShape, SYSTEM_SCHEMA, type TableEntry } from './catalog';
import { type BackupSummary, backupName, FORMAT, FORMAT_VERSION, MANIFEST, type Manifest, PARTIAL_PREFIX, summarize, type TableManifest } from './manifest';
import { LineDigest, tableLines, tableRef } from './table-rows';

// biome-ignore lint/suspicious/noExplicitAny: record tables are not in the typed system tables
type AnyDb = Kysely<any>;

export interface BackupOptions {
  database: Pick<Database, 'db' | 'kind'>;
  /** Where the uploads' bytes are. */
  fileStore: FileStore;
  /** The folder backups are written to (each one a folder of its own inside it). */
  directory: string;
  /** Told after each table: a job renews its lease here. */
  progress?: ((done: { table: string; tables: number; of: number }) => Promise<void>) | undefined;
}

/** One table to `tables/<schema>.<table>.jsonl.gz`, streamed: a page of rows in memory at a time. */
async function writeTable(tx: AnyDb, table: TableEntry, folder: string): Promise<TableManifest> {
  const file = `tables/${table.schema}.${table.name}.jsonl.gz`;
  const digest = new LineDigest();
  async function* text(): AsyncGenerator<Buffer> {
    for await (const lines of tableLines(tx, table)) yield Buffer.from(lines.map((line) => digest.add(line)).join(''));
  }
  await pipeline(Readable.from(text()), createGzip(), createWriteStream(join(folder, file)));
  const { size } = await stat(join(folder, file));
  return { schema: table.schema, name: table.name, primaryKey: table.primaryKey, file, rows: digest.rows, sha256: digest.hex(), bytes: size };
}

/** Everything read in one repeatable-read snapshot: tables, catalog, sequences and the list of files agree. */
async function snapshot(tx: AnyDb, kind: string, folder: string, options: BackupOptions): Promise<Manifest> {
  await sql`set local timezone = 'UTC'`.execute(tx);
  const tables = await listTables(tx);
  // Held to the end: a publish's DDL waits for the backup instead of changing a table it is reading.
  await sql`lock table ${sql.join(tables.map(tableRef))} in access share mode`.execute(tx);
  const appTables: AppTableShape[] = [];
  for (const table of tables) if (table.schema !== SYSTEM_SCHEMA) appTables.push(await readTableShape(tx, table.schema, table.name));
  const apps = await sql<{ id: string }>`select id from meta_apps order by id`.execute(tx);
  const manifest: Manifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    source: kind,
    migrations: await readMigrations(tx),
    apps: apps.rows.map((row) => row.id),
    schema: { appSchemas: await listAppSchemas(tx), appTables, sequences: await readSequences(tx) },
    tables: [],
    files: { count: 0, bytes: 0, sha256: '', missing: [] },
    seconds: 0,
  };
  for (const table of tables) {
    manifest.tables.push(await writeTable(tx, table, folder));
    await options.progress?.({ table: `${table.schema}.${table.name}`, tables: manifest.tables.length, of: tables.length });
  }
  manifest.files = await copyFilesOut(tx, options.fileStore, folder);
  return manifest;
}

/**
 * Writes a logical backup of the workspace (this database: its apps' metadata with every
 * version, their record tables, history, audit, events, users and roles, flows, jobs, and the
 * uploaded files) into a new folder of `directory`. It is written under a dot name and renamed
 * only once its manifest is complete, so a crash leaves no half backup that looks finished.
 */
export async function writeBackup(options: BackupOptions): Promise<BackupSummary> {
  const started = performance.now();
  const name = backupName(new Date());
  await mkdir(options.directory, { recursive: true });
  const partial = join(options.directory, `${PARTIAL_PREFIX}${name}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(partial, 'tables'), { recursive: true });
  try {
    const manifest = await options.database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((tx) => snapshot(tx, options.database.kind, partial, options));
    manifest.seconds = Math.round(performance.now() - started) / 1000;
    await writeFile(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const path = join(options.directory, name);
    await rename(partial, path);
    return summarize(name, path, manifest);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}
