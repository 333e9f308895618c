import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from './connect';

/** The server tests run against: a real PostgreSQL, never a mock. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const IN_USE = '55006';

/**
 * Drops the database once its last backend has gone. A closed pool's connections can take a
 * moment to end; forcing the drop then would kill them mid-goodbye and surface as an error in
 * whatever test runs next, so wait first and force only as a last resort.
 */
async function dropWhenIdle(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await adminQuery(`drop database if exists "${name}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== IN_USE) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(`drop database if exists "${name}" with (force)`);
}

/** A port nobody listens on now, for a server a test starts as a separate process. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface TestDatabase extends Database {
  name: string;
  url: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file (or benchmark run), so they run in
 * parallel. Names are a fixed prefix and random hex, so the interpolated identifier cannot carry SQL.
 */
export async function createTestDatabase(options: { maxConnections?: number; prefix?: 'tessera_t_' | 'tessera_bench_' } = {}): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'tessera_t_'}${randomBytes(6).toString('hex')}`;
  const maxConnections = options.maxConnections ?? 5;
  await adminQuery(`create database "${name}"`);
  const url = withDatabase(testServerUrl(), name);
  const database = await openDatabase({ url, maxConnections });
  return {
    ...database,
    name,
    url,
    async drop() {
      await database.close();
      await dropWhenIdle(name);
    },
  };
}

/**
 * Test-only: watches the raw statements Kysely compiles (their SQL with `?` where a value or an
 * identifier goes): counts those `matches` picks, or — as `fail` — throws on them, as a lost
 * connection or a full disk would fail that statement (fault injection).
 */
export class StatementProbe implements KyselyPlugin {
  count = 0;
  constructor(
    private readonly matches: (sql: string) => boolean,
    private readonly mode: 'count' | 'fail' = 'count',
  ) {}

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'RawNode' && this.matches(node.sqlFragments.join('?'))) {
      this.count += 1;
      if (this.mode === 'fail') throw new Error('injected failure');
    }
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
