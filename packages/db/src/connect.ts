import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type Dialect, Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './data-dir-lock';
import { migrateToLatest } from './migrations';
import { type Notifications, pgliteNotifications, postgresNotifications } from './notifications';
import { trackHoldTime } from './pool-hold-time';
import { preparingPool } from './prepared-statements';
import type { SystemTables } from './system-tables';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<SystemTables>;
  kind: DatabaseKind;
  /** LISTEN/NOTIFY between the processes on this database (a dedicated connection, opened on first listen). */
  notifications: Notifications;
  /** The connection pool's use now (PostgreSQL; null for the embedded database, which has one connection). */
  poolUse(): PoolUse | null;
  close(): Promise<void>;
}

export interface PoolUse {
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  /** The most connections the pool opens. */
  size: number;
  /** How long a connection is kept per checkout, on average of late (ms; 0 before the first). */
  meanHoldMs: number;
}

export interface OpenOptions {
  /** `postgres://…`: a real server. Absent: embedded PGlite in `dataDir`. */
  url?: string | undefined;
  /** Where the embedded database keeps its files; `memory://` for a throwaway one. */
  dataDir?: string | undefined;
  /** Pool size for a real server. */
  maxConnections?: number | undefined;
  /** How long a request waits for a free connection of the pool (default CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number | undefined;
}

// Both drivers hand back the same JS values: numeric and int8 as strings (money must never
// pass through a binary float), date as 'YYYY-MM-DD' (a date has no time zone), timestamptz as Date.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const keepText = (value: string): string => value;
pg.types.setTypeParser(OID.date, keepText);

async function pglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, {
    extensions: { pg_trgm },
    parsers: { [OID.int8]: keepText, [OID.numeric]: keepText, [OID.date]: keepText },
  });
}

/** A request waits at most this long for a connection: with PostgreSQL unreachable it fails (503) rather than hanging. */
const CONNECT_TIMEOUT_MS = 10_000;

function postgresDialect(pool: pg.Pool): Dialect {
  // A connection the server drops (restart, failover, admin command) is replaced on next use.
  // pg raises the drop as an 'error' event on the client; the pool listens only while the client
  // is idle, and an 'error' nobody listens to ends the process. So every client gets a listener of
  // its own for its whole life: the statement it was running fails (the request answers 503), and
  // the pool discards the broken client when it is released.
  pool.on('error', (error) => process.emitWarning(`idle database connection closed: ${error.message}`));
  pool.on('connect', (client) => {
    client.on('error', (error) => process.emitWarning(`database connection lost while in use: ${error.message}`));
  });
  return new PostgresDialect({ pool: preparingPool(pool) });
}

/** Opens the database named by the options and brings the system schema up to date. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const kind: DatabaseKind = options.url ? 'postgres' : 'pglite';
  let dialect: Dialect;
  let notifications: Notifications;
  let pool: pg.Pool | null = null;
  let meanHoldMs = () => 0;
  let lock: DataDirLock | null = null;
  if (options.url) {
    pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    });
    meanHoldMs = trackHoldTime(pool);
    dialect = postgresDialect(pool);
    notifications = postgresNotifications(options.url, (message) => process.emitWarning(message));
  } else {
    const dataDir = options.dataDir ?? './data/pglite';
    if (!dataDir.startsWith('memory://')) lock = lockDataDir(dataDir);
    try {
      const client = await pglite(dataDir);
      dialect = new PGliteDialect(client);
      notifications = pgliteNotifications(client);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }
  const db = new Kysely<SystemTables>({ dialect });
  try {
    // pg_trgm backs "contains" search on text fields; both PostgreSQL and PGlite ship it.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    lock?.release();
    throw error;
  }
  return {
    db,
    kind,
    notifications,
    poolUse: () =>
      pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, size: pool.options.max ?? 10, meanHoldMs: meanHoldMs() } : null,
    async close() {
      await notifications.close();
      await db.destroy();
      lock?.release();
    },
  };
}
