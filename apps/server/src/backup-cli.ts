import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { applyRetention, backupSettingsFromEnv, listBackups, restoreBackup, writeBackup } from '@tessera/backup';
import { type Database, DataDirInUse, type OpenOptions, openDatabase } from '@tessera/db';
import { localDiskStore } from '@tessera/files';
import pg from 'pg';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const env = process.env;
const filesDir = () => env.TESSERA_FILES_DIR ?? resolve(root, 'data/files');

const USAGE = `pnpm backup             back the workspace up now (DATABASE_URL, or the embedded database while no server has it open)
pnpm backup --list      the backups in TESSERA_BACKUP_DIR, newest first
pnpm restore <folder> --database postgres://…/new_db   into a new, empty PostgreSQL database (created if missing)
pnpm restore <folder> --data-dir <folder>               into a new embedded database
  --files-dir <folder>  where the restored uploads go (default TESSERA_FILES_DIR or data/files)`;

/**
 * The embedded database belongs to one process at a time (ADR 0113). When the server has it open,
 * say what to do instead: the server makes backups itself, on its schedule and on request.
 */
async function open(options: OpenOptions, action: 'backup' | 'restore'): Promise<Database> {
  try {
    return await openDatabase(options);
  } catch (error) {
    if (!(error instanceof DataDirInUse)) throw error;
    const what =
      action === 'backup'
        ? `Stop that server (Ctrl-C in its terminal) and run pnpm backup again, or let the server make the backup while it runs:
  - it makes one every TESSERA_BACKUP_EVERY minutes (default 60) into TESSERA_BACKUP_DIR (default data/backups), see pnpm backup --list;
  - an administrator asks for one now with POST /api/admin/backups (GET /api/admin/backups shows when it is done).`
        : `Restore into a new folder (--data-dir data/restored), then stop the server and start it on that folder with TESSERA_DATA_DIR.`;
    throw new Error(
      `${action} refused: the embedded database in ${error.dataDir} is open in a running Tessera process (pid ${error.pid}), and two processes must never open it at once.\n${what}`,
    );
  }
}

async function backup(list: boolean): Promise<void> {
  const settings = backupSettingsFromEnv(env, resolve(root, 'data/backups'));
  if (list) {
    for (const b of await listBackups(settings.directory))
      process.stdout.write(`${b.name}  ${b.createdAt}  ${b.rows} rows in ${b.tables} tables, ${b.files} files, ${(b.bytes / 1e6).toFixed(1)} MB\n`);
    return;
  }
  const database = await open({ url: env.DATABASE_URL, dataDir: env.TESSERA_DATA_DIR ?? resolve(root, 'data/pglite'), maxConnections: 2 }, 'backup');
  try {
    const made = await writeBackup({ database, fileStore: localDiskStore(filesDir()), directory: settings.directory });
    const removed = await applyRetention(settings.directory, settings);
    process.stdout.write(`backup ${made.path}: ${made.rows} rows in ${made.tables} tables, ${made.files} files, ${(made.bytes / 1e6).toFixed(1)} MB\n`);
    if (made.missingFiles) process.stdout.write(`warning: ${made.missingFiles} uploaded files were missing or damaged in the file store\n`);
    if (removed.length) process.stdout.write(`removed by retention: ${removed.join(', ')}\n`);
  } finally {
    await database.close();
  }
}

/** The new workspace's PostgreSQL database, created when it does not exist yet. */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function restore(folder: string | undefined, url: string | undefined, dataDir: string | undefined, files: string | undefined): Promise<void> {
  if (!folder || (url === undefined) === (dataDir === undefined)) throw new Error(`name a backup folder and one of --database or --data-dir\n${USAGE}`);
  if (url) await ensureDatabase(url);
  const database = await open({ url, dataDir: dataDir && resolve(dataDir), maxConnections: 2 }, 'restore');
  try {
    const report = await restoreBackup({
      folder: resolve(folder),
      database,
      fileStore: localDiskStore(resolve(files ?? filesDir())),
      progress: (step) => process.stdout.write(`${step}\n`),
    });
    process.stdout.write(
      `restored and verified: ${report.rows} rows in ${report.tables} tables, ${report.files} files${report.missingFiles ? ` (${report.missingFiles} were missing when backed up)` : ''}, in ${report.seconds} s\n`,
    );
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      database: { type: 'string' },
      'data-dir': { type: 'string' },
      'files-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, folder] = positionals;
  if (values.help || (command !== 'backup' && command !== 'restore')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'backup') await backup(values.list === true);
  else await restore(folder, values.database, values['data-dir'], values['files-dir']);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
