import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Database } from '@tessera/db';
import type { FileStore } from '@tessera/files';
import { type Kysely, sql } from 'kysely';
import { copyFilesIn } from './backup-files';
import { readMigrations, SYSTEM_SCHEMA } from './catalog';
import { type Manifest, readManifest, type TableManifest } from './manifest';
import { addAppConstraints, addForeignKeys, createAppTables, dropSystemForeignKeys, restoreSequences, writableColumns } from './restore-schema';
import { BACKUP_QUEUE } from './schedule';
import { digestTable, LineDigest, tableRef } from './table-rows';

// biome-ignore lint/suspicious/noExplicitAny: record tables are not in the typed system tables
type AnyDb = Kysely<any>;

/** Rows per INSERT, and the most JSON text one may carry. */
const BATCH_ROWS = 2_000;
const BATCH_CHARS = 8 * 1024 * 1024;

export interface RestoreOptions {
  /** A backup folder (the one holding manifest.json). */
  folder: string;
  /** The new workspace: an empty, migrated database. */
  database: Pick<Database, 'db' | 'kind'>;
  /** Its file store. */
  fileStore: FileStore;
  /** Told as each table has been loaded. */
  progress?: ((step: string) => void) | undefined;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
  missingFiles: number;
  seconds: number;
}

/** Why a backup cannot go into this database, said before anything is written. */
export class RestoreRefused extends Error {}

async function assertRestorable(db: AnyDb, manifest: Manifest): Promise<void> {
  const migrations = await readMigrations(db);
  if (migrations.join() !== manifest.migrations.join())
    throw new RestoreRefused(
      `the backup was made at schema version ${manifest.migrations.at(-1) ?? '—'}, this code is at ${migrations.at(-1) ?? '—'}: restore it with the Tessera version that made it`,
    );
  const { rows } = await sql<{ used: boolean }>`select exists (select 1 from meta_apps) or exists (select 1 from users)
    or exists (select 1 from pg_namespace where nspname like 'app\\_%') as used`.execute(db);
  if (rows[0]?.used) throw new RestoreRefused('the target database is not empty (it has apps or users): restore into a new, empty workspace');
}

/** The lines of a gzip file; a damaged file fails the iteration rather than ending it early. */
async function* readLines(path: string): AsyncGenerator<string> {
  // Decoded by the stream, so a character split between two chunks stays whole.
  const unzipped = pipeline(createReadStream(path), createGunzip(), () => undefined).setEncoding('utf8');
  let rest = '';
  for await (const chunk of unzipped) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    yield* lines;
  }
  if (rest !== '') yield rest;
}

/** One table's file into its table, checked line by line against the manifest's count and SHA-256. */
async function loadTable(tx: AnyDb, folder: string, table: TableManifest): Promise<void> {
  const ref = tableRef(table);
  const columns = sql.join((await writableColumns(tx, table.schema, table.name)).map((column) => sql.id(column)));
  const insert = (batch: string[]) =>
    sql`insert into ${ref} (${columns}) select ${columns} from jsonb_populate_recordset(null::${ref}, ${`[${batch.join(',')}]`}::jsonb)`.execute(tx);
  const digest = new LineDigest();
  let batch: string[] = [];
  let chars = 0;
  for await (const line of readLines(join(folder, table.file))) {
    digest.add(line);
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      await insert(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) await insert(batch);
  if (digest.rows !== table.rows || digest.hex() !== table.sha256)
    throw new Error(`${table.file}: ${digest.rows} rows whose checksum does not match the manifest (${table.rows} rows); the backup is damaged`);
}

/** The restored table read back as a backup reads it: same rows, same checksum, or the restore is rolled back. */
async function verifyTable(tx: AnyDb, table: TableManifest): Promise<void> {
  const restored = await digestTable(tx, table);
  if (restored.rows !== table.rows || restored.sha256 !== table.sha256)
    throw new Error(
      `${table.schema}.${table.name}: ${restored.rows} rows restored, checksum ${restored.sha256}; the manifest says ${table.rows}, ${table.sha256}`,
    );
}

async function restoreInto(tx: AnyDb, manifest: Manifest, options: RestoreOptions): Promise<Omit<RestoreReport, 'seconds'>> {
  await sql`set local timezone = 'UTC'`.execute(tx);
  const systemKeys = await dropSystemForeignKeys(tx);
  // What the migrations seeded (the event sequencer's row) gives way to what was backed up.
  await sql`truncate ${sql.join(manifest.tables.filter((t) => t.schema === SYSTEM_SCHEMA).map(tableRef))}`.execute(tx);
  await createAppTables(tx, manifest.schema);
  for (const table of manifest.tables) {
    await loadTable(tx, options.folder, table);
    options.progress?.(`loaded ${table.schema}.${table.name} (${table.rows} rows)`);
  }
  await addAppConstraints(tx, manifest.schema);
  await addForeignKeys(tx, manifest.schema, systemKeys);
  await restoreSequences(tx, manifest.schema);
  for (const table of manifest.tables) await verifyTable(tx, table);
  options.progress?.(`verified ${manifest.tables.length} tables against the manifest`);
  const files = await copyFilesIn(tx, options.fileStore, options.folder, manifest.files);
  // The backup job that was running when the snapshot was taken is not the new workspace's to finish.
  await sql`delete from jobs where queue = ${BACKUP_QUEUE}`.execute(tx);
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    files: files.count,
    missingFiles: files.missing,
  };
}

/**
 * Restores a backup into a new workspace in one transaction: schema, rows, constraints,
 * sequences, files; then every table is read back and compared with the manifest's count and
 * checksum. Any difference rolls the whole restore back.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const started = performance.now();
  const manifest = await readManifest(options.folder);
  const db = options.database.db as AnyDb;
  await assertRestorable(db, manifest);
  const report = await db.transaction().execute((tx) => restoreInto(tx, manifest, options));
  return { ...report, seconds: Math.round(performance.now() - started) / 1000 };
}
