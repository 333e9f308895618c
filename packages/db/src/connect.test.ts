import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { createTestDatabase, type TestDatabase } from './testing';

describe('openDatabase', () => {
  let pgdb: TestDatabase;
  afterAll(async () => pgdb?.drop());

  it('migrates a real PostgreSQL and returns numeric, int8 and date as exact text', async () => {
    pgdb = await createTestDatabase();
    const row = await sql<{
      n: unknown;
      b: unknown;
      d: unknown;
    }>`select 0.1::numeric + 0.2::numeric as n, 9007199254740993::int8 as b, '2024-02-29'::date as d`.execute(pgdb.db);
    expect(row.rows[0]).toEqual({ n: '0.3', b: '9007199254740993', d: '2024-02-29' });
    const tables = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' order by 1`.execute(pgdb.db);
    expect(tables.rows.map((r) => r.t)).toEqual(expect.arrayContaining(['meta_apps', 'meta_versions', 'meta_columns', 'record_history']));
  });

  it('opens an embedded PGlite with the same value conventions and pg_trgm', async () => {
    const lite = await openDatabase({ dataDir: 'memory://' });
    try {
      expect(lite.kind).toBe('pglite');
      const row = await sql<{
        n: unknown;
        b: unknown;
        d: unknown;
        s: unknown;
      }>`select 0.1::numeric + 0.2::numeric as n, 9007199254740993::int8 as b, '2024-02-29'::date as d, similarity('tessera', 'tesera') > 0.3 as s`.execute(
        lite.db,
      );
      expect(row.rows[0]).toEqual({ n: '0.3', b: '9007199254740993', d: '2024-02-29', s: true });
    } finally {
      await lite.close();
    }
    // Starting PGlite compiles its WebAssembly and runs every migration in one thread: on a busy
    // 2-core machine that alone can pass the default 30 s.
  }, 120_000);
});
