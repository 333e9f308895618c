import type { SystemTables } from '@tessera/db';
import { tableRef } from '@tessera/meta';
import { type Kysely, sql } from 'kysely';
import { createHelpers } from '../list/generate-customers';
import { progress } from '../shared/report';
import { APP_ID, DEPARTMENT_COUNT } from './dashboard-app';

type Db = Kysely<SystemTables>;
export const OWNER_COUNT = 200;
const CHUNK = 250_000;

/** Departments (0 over 1 and 2, the rest on their own) and 200 owners spread over them, as real users with names. */
async function insertPeople(db: Db): Promise<void> {
  await sql`insert into departments (id, name, parent_id)
    select bench_uuid('department', k), 'Department ' || k, case when k in (1, 2) then bench_uuid('department', 0) end
    from generate_series(0, ${DEPARTMENT_COUNT - 1}) k order by k`.execute(db);
  await sql`insert into users (id, email, name, password_hash, department_id)
    select bench_uuid('owner', k), 'rep' || k || '@bench.local', 'Rep ' || k, 'not a password', bench_uuid('department', k % ${DEPARTMENT_COUNT})
    from generate_series(0, ${OWNER_COUNT - 1}) k`.execute(db);
}

async function insertCustomers(db: Db, total: number): Promise<void> {
  await sql`insert into ${tableRef(APP_ID, 'customer')} (id, version, owner_id, department_id, created_at, created_by, updated_at, updated_by, name, phone, email, industry)
    select bench_uuid('customer', i), 1, bench_uuid('owner', o.k), bench_uuid('department', o.k % ${DEPARTMENT_COUNT}), now(), bench_uuid('owner', o.k), now(), bench_uuid('owner', o.k),
      'Customer ' || i,
      case when bench_u(i, 21) < 0.85 then '13' || lpad(i::text, 9, '0') end,
      case when bench_u(i, 22) < 0.8 then 'c' || i || '@example.com' end,
      case when bench_u(i, 23) < 0.9 then bench_pick(array['software', 'retail', 'energy'], bench_u(i, 24)) end
    from generate_series(0::bigint, ${total - 1}::bigint) g(i)
    cross join lateral (select floor(${OWNER_COUNT} * bench_u(i, 20))::bigint as k) o`.execute(db);
}

/** Opportunities over 2025 and 2026: stages in funnel shares, closed ones with a close time and a cycle, owners uneven. */
async function insertOpportunities(db: Db, from: number, to: number, customers: number): Promise<void> {
  await sql`insert into ${tableRef(APP_ID, 'opportunity')}
      (id, version, owner_id, department_id, created_at, created_by, updated_at, updated_by, name, customer, stage, amount, closed_at, cycle_days)
    select bench_uuid('opportunity', i), 1, o.owner_id, bench_uuid('department', o.k % ${DEPARTMENT_COUNT}), c.created, o.owner_id, c.created, o.owner_id,
      'Deal ' || i, bench_uuid('customer', floor(bench_u(i, 2) * ${customers})::bigint), s.stage,
      round((1000 + power(bench_u(i, 3), 2) * 2000000)::numeric, 2),
      case when s.stage in ('won', 'lost') then c.created + make_interval(days => c.cycle) end,
      case when s.stage in ('won', 'lost') then c.cycle end
    from generate_series(${from}::bigint, ${to}::bigint) g(i)
    cross join lateral (select floor(${OWNER_COUNT} * power(bench_u(i, 1), 1.5))::bigint as k) k
    cross join lateral (select k.k, bench_uuid('owner', k.k) as owner_id) o
    cross join lateral (select case when bench_u(i, 4) < 0.25 then 'lead' when bench_u(i, 4) < 0.40 then 'qualified' when bench_u(i, 4) < 0.50 then 'proposal'
      when bench_u(i, 4) < 0.58 then 'negotiation' when bench_u(i, 4) < 0.82 then 'won' else 'lost' end as stage) s
    cross join lateral (select timestamptz '2025-01-01 00:00:00+08' + make_interval(secs => bench_u(i, 5) * 640 * 86400) as created,
      5 + floor(bench_u(i, 6) * 120)::int as cycle) c`.execute(db);
}

/** Fills the published tables with `opportunities` rows and a tenth as many customers, then analyzes them. */
export async function generateData(db: Db, opportunities: number): Promise<void> {
  await createHelpers(db);
  await insertPeople(db);
  const customers = Math.max(1000, Math.round(opportunities / 10));
  await insertCustomers(db, customers);
  for (let start = 0; start < opportunities; start += CHUNK) {
    await insertOpportunities(db, start, Math.min(start + CHUNK, opportunities) - 1, customers);
    progress(`  ${Math.min(start + CHUNK, opportunities).toLocaleString('en')} opportunities`);
  }
  await sql`analyze`.execute(db);
}
