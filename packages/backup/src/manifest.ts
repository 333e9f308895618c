import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppTableShape, SequenceState } from './catalog';

/** The layout of a backup folder; a reader refuses any other. */
export const FORMAT = 'tessera-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
/** A backup being written: a name starting with a dot, renamed once complete, never listed. */
export const PARTIAL_PREFIX = '.partial-';

export interface TableManifest {
  schema: string;
  name: string;
  primaryKey: string[];
  /** Relative to the backup folder: gzip of one JSON line per row. */
  file: string;
  rows: number;
  /** SHA-256 of the uncompressed lines. */
  sha256: string;
  /** Size of the compressed file. */
  bytes: number;
}

export interface Manifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  /** Which database the backup was read from ('postgres' or the embedded 'pglite'); either can be restored into either. */
  source: string;
  /** Applied system migrations: a restore needs the code of the same schema version. */
  migrations: string[];
  apps: string[];
  schema: { appSchemas: string[]; appTables: AppTableShape[]; sequences: SequenceState[] };
  tables: TableManifest[];
  files: { count: number; bytes: number; sha256: string; missing: string[] };
  seconds: number;
}

export interface BackupSummary {
  name: string;
  path: string;
  createdAt: string;
  tables: number;
  rows: number;
  files: number;
  /** On disk: table files, uploaded files and the manifest. */
  bytes: number;
  missingFiles: number;
}

export async function readManifest(folder: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`${folder} is not a complete backup: ${MANIFEST} cannot be read (${(error as Error).message})`);
  }
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION)
    throw new Error(`${folder}: unknown backup format ${manifest.format} version ${manifest.version} (this code reads ${FORMAT} ${FORMAT_VERSION})`);
  return manifest;
}

/** A backup's name: its time to the millisecond, so names sort in the order backups were made. */
export function backupName(at: Date): string {
  return `tessera-${at.toISOString().replace(/[:.]/g, '-')}`;
}

export function summarize(name: string, path: string, manifest: Manifest): BackupSummary {
  const tableBytes = manifest.tables.reduce((sum, table) => sum + table.bytes, 0);
  return {
    name,
    path,
    createdAt: manifest.createdAt,
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    files: manifest.files.count,
    bytes: tableBytes + manifest.files.bytes,
    missingFiles: manifest.files.missing.length,
  };
}

/** The complete backups in `root`, newest first; half-written ones (dot names) and other folders are not listed. */
export async function listBackups(root: string): Promise<BackupSummary[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const backups: BackupSummary[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(root, entry.name);
    const complete = await stat(join(path, MANIFEST)).then(
      () => true,
      () => false,
    );
    if (complete) backups.push(summarize(entry.name, path, await readManifest(path)));
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}
