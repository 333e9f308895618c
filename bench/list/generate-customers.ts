import type { SystemTables } from '@tessera/db';
import { appSchemaName, tableRef } from '@tessera/meta';
import { type Kysely, sql } from 'kysely';
import { progress } from '../shared/report';
import { APP_ID, OBJECT_ID } from './customer-app';

type Db = Kysely<SystemTables>;

export const OWNER_COUNT = 200;
const CHUNK = 500_000;

// Company names are built from these words, so a 2–3 letter search matches a realistic share.
const BRANDS = [
  'Acme',
  'Apex',
  'Aurora',
  'Beacon',
  'Bright',
  'Cedar',
  'Crest',
  'Delta',
  'Eagle',
  'Everest',
  'Falcon',
  'Golden',
  'Granite',
  'Harbor',
  'Horizon',
  'Jade',
  'Lotus',
  'Maple',
  'Meridian',
  'Nova',
  'Oak',
  'Orion',
  'Pacific',
  'Phoenix',
  'Pioneer',
  'Quantum',
  'River',
  'Sapphire',
  'Sierra',
  'Silver',
  'Summit',
  'Sunrise',
  'Terra',
  'Titan',
  'Union',
  'Vertex',
  'Vista',
  'Willow',
  'Yangtze',
  'Zenith',
];
export const PLACES = [
  'Hangzhou',
  'Shanghai',
  'Beijing',
  'Shenzhen',
  'Suzhou',
  'Nanjing',
  'Chengdu',
  'Wuhan',
  'Xiamen',
  'Ningbo',
  'Qingdao',
  'Tianjin',
  'Hefei',
  'Jinan',
  'Fuzhou',
  'Dalian',
  'Kunming',
  'Changsha',
];
const TRADES = ['Technology', 'Trading', 'Logistics', 'Foods', 'Textiles', 'Machinery', 'Pharma', 'Media', 'Energy', 'Metals', 'Electronics', 'Chemicals'];
const SUFFIXES = ['Co., Ltd.', 'Group', 'Holdings', 'Industrial Co.', 'Inc.'];

/** Search fragments the workload types: 2 and 3 letters, from common (~50 %) to rare (~2.5 %). */
export const FRAGMENTS = ['an', 'ho', 'tec', 'ing', 'zh', 'gro', 'pha', 'sil', 'ma', 'log', 'ri', 'ner', 'ex', 'ja', 'zen', 'qu'];

const textArray = (words: readonly string[]) => sql`array[${sql.join(words.map((w) => sql.lit(w)))}]::text[]`;

/**
 * Seeded uniform numbers in SQL: a hash of (row, stream), not random(), so every run generates the
 * same rows in any order. Lives in the throwaway bench database only.
 */
export async function createHelpers(db: Db): Promise<void> {
  await sql`create or replace function bench_u(i bigint, stream bigint) returns float8 language sql immutable parallel safe as
    $$ select (hashint8extended(i, stream) & 9007199254740991)::float8 / 9007199254740992 $$`.execute(db);
  await sql`create or replace function bench_pick(words text[], u float8) returns text language sql immutable parallel safe as
    $$ select words[1 + floor(u * cardinality(words))::int] $$`.execute(db);
  await sql`create or replace function bench_uuid(kind text, k bigint) returns uuid language sql immutable parallel safe as
    $$ select md5(kind || '-' || k)::uuid $$`.execute(db);
}

/** Owner ids in the order the generator numbers them; owner k gets a share of rows falling with k. */
export async function ownerIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select bench_uuid('owner', k)::text as id from generate_series(0, ${OWNER_COUNT - 1}) k order by k`.execute(db);
  return rows.map((r) => r.id);
}

async function insertChunk(db: Db, from: number, to: number, total: number): Promise<void> {
  // Three years of customers up to the bench date, in creation order with a little jitter.
  const spanSeconds = 3 * 365 * 86_400;
  await sql`insert into ${tableRef(APP_ID, OBJECT_ID)}
      (id, version, owner_id, department_id, created_at, created_by, updated_at, updated_by, deleted_at,
       name, code, stage, tier, industry, city, revenue, employees, phone, email, website, founded, key_account, notes)
    select bench_uuid('customer', i), 1, o.owner_id, bench_uuid('department', o.k % 12), t.at, o.owner_id, t.at, o.owner_id,
      case when bench_u(i, 9) < 0.01 then t.at + interval '30 days' end,
      bench_pick(${textArray(BRANDS)}, bench_u(i, 2)) || ' ' || bench_pick(${textArray(PLACES)}, bench_u(i, 3)) || ' '
        || bench_pick(${textArray(TRADES)}, bench_u(i, 4)) || ' ' || bench_pick(${textArray(SUFFIXES)}, bench_u(i, 5)),
      'C' || lpad(i::text, 8, '0'),
      case when s.u < 0.30 then 'lead' when s.u < 0.50 then 'qualified' when s.u < 0.65 then 'proposal'
           when s.u < 0.75 then 'negotiation' when s.u < 0.90 then 'won' else 'lost' end,
      case when bench_u(i, 7) < 0.1 then 'a' when bench_u(i, 7) < 0.35 then 'b' when bench_u(i, 7) < 0.75 then 'c' else 'd' end,
      bench_pick(array['manufacturing', 'retail', 'logistics', 'software', 'healthcare', 'education', 'finance', 'energy'], bench_u(i, 8)),
      bench_pick(${textArray(PLACES)}, bench_u(i, 10)),
      round((power(bench_u(i, 11), 3) * 50000000)::numeric, 2),
      1 + floor(power(bench_u(i, 12), 3) * 20000),
      '13' || lpad((i % 1000000000)::text, 9, '0'),
      'contact' || i || '@example.com',
      case when bench_u(i, 13) < 0.6 then 'https://www.example-' || i || '.cn' end,
      date '1980-01-01' + floor(bench_u(i, 14) * 16000)::int,
      bench_u(i, 15) < 0.08,
      case when bench_u(i, 16) < 0.3 then 'Met at the trade fair; follow up on pricing.' end
    from generate_series(${from}::bigint, ${to}::bigint) as g(i)
    cross join lateral (select floor(${OWNER_COUNT} * power(bench_u(i, 1), 2))::bigint as k) k
    cross join lateral (select k.k, bench_uuid('owner', k.k) as owner_id) o
    cross join lateral (select bench_u(i, 6) as u) s
    cross join lateral (select timestamptz '2026-11-23 00:00:00+00'
      - make_interval(secs => (${total}::bigint - i) * ${spanSeconds}::float8 / ${total} + bench_u(i, 17) * 3600) as at) t`.execute(db);
}

/**
 * Fills the published customer table with `total` seeded rows. The indexes publish created are
 * dropped for the load and rebuilt from their own definitions afterwards (what any bulk load
 * does), then the table is vacuumed and analyzed.
 */
export async function generateCustomers(db: Db, total: number): Promise<{ indexes: string[] }> {
  await createHelpers(db);
  const { rows: indexes } = await sql<{ name: string; definition: string }>`select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${`${appSchemaName(APP_ID)}.${OBJECT_ID}`}::regclass and not i.indisprimary order by c.relname`.execute(db);
  for (const index of indexes) await sql`drop index ${sql.id(appSchemaName(APP_ID), index.name)}`.execute(db);
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(from + CHUNK - 1, total);
    await insertChunk(db, from, to, total);
    progress(`  inserted ${to.toLocaleString('en')} / ${total.toLocaleString('en')} customers`);
  }
  await db.connection().execute(async (connection) => {
    await sql`set maintenance_work_mem = '512MB'`.execute(connection);
    for (const index of indexes) {
      // The definitions come from the catalog of the index publish itself made.
      await sql.raw(index.definition).execute(connection);
      progress(`  rebuilt ${index.name}`);
    }
  });
  await sql`vacuum analyze ${tableRef(APP_ID, OBJECT_ID)}`.execute(db);
  return { indexes: indexes.map((i) => i.definition) };
}
