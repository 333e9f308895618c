import { compilePolicy, fullAccess } from '@tessera/access';
import { appSchemaName, createMetadataStore, tableRef } from '@tessera/meta';
import { createLiveAppCache, createRecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { withBenchDatabase } from '../shared/bench-database';
import { progress } from '../shared/report';
import { summarize } from '../shared/stats';

const APP_ID = 'dedup_bench';
const OWNERS = 20;
const CHUNK = 100_000;

/** Customers with the demo's match rules, and a rep who sees only their own. */
const app: AppDocument = {
  id: APP_ID,
  label: { en: 'Dedup bench' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'phone', type: 'phone', label: { en: 'Phone' } },
        { id: 'email', type: 'email', label: { en: 'E-mail' } },
        { id: 'credit_code', type: 'text', label: { en: 'Credit code' } },
      ],
      matchRules: [
        { id: 'credit_code', kind: 'exact', fields: ['credit_code'] },
        { id: 'company', kind: 'company_name', nameField: 'name', contactFields: ['phone', 'email'] },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['read'], rows: 'own' }] }],
};

const owner = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;

/** Row i: 客户i科技有限公司, mobile 13000000000 + i; every hundredth row re-enters the row before it under another spelling. */
async function load(db: Parameters<Parameters<typeof withBenchDatabase>[1]>[0]['db'], rows: number): Promise<void> {
  const table = tableRef(APP_ID, 'customer');
  const { rows: indexes } = await sql<{ name: string; definition: string }>`select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${`${appSchemaName(APP_ID)}.customer`}::regclass and not i.indisprimary`.execute(db);
  for (const index of indexes) await sql`drop index ${sql.id(appSchemaName(APP_ID), index.name)}`.execute(db);
  for (let from = 1; from <= rows; from += CHUNK) {
    const to = Math.min(from + CHUNK - 1, rows);
    await sql`insert into ${table} (id, version, owner_id, created_at, created_by, updated_at, updated_by, name, phone, email)
      select gen_random_uuid(), 1, ('00000000-0000-4000-8000-' || lpad((i % ${OWNERS})::text, 12, '0'))::uuid, now(), null, now(), null,
        case when i % 100 = 0 then '北京市客户' || (i - 1) || '科技股份有限公司' else '客户' || i || '科技有限公司' end,
        (13000000000 + case when i % 100 = 0 then i - 1 else i end)::text,
        case when i % 100 = 0 then null else 'info' || i || '@c' || i || '.cn' end
      from generate_series(${from}::bigint, ${to}::bigint) g(i)`.execute(db);
    progress(`  inserted ${to.toLocaleString('en')} / ${rows.toLocaleString('en')}`);
  }
  for (const index of indexes) await sql.raw(index.definition).execute(db);
  await sql`vacuum analyze ${table}`.execute(db);
}

export interface AtScaleFigures {
  rows: number;
  checkP95Ms: number;
  repCheckP95Ms: number;
  baselineP95Ms: number;
  scanMs: number;
  scanBaselineMs: number;
  groups: number;
}

/**
 * The form's duplicate check and the batch scan on a published object of `rows` customers (1 %
 * of them entered twice), through the records service as an administrator and as a rep, against
 * the bare SQL of the same lookup and of one GROUP BY.
 */
export async function measureAtScale(rows: number, checks: number): Promise<AtScaleFigures> {
  return withBenchDatabase(4, async (database) => {
    const store = createMetadataStore(database.db);
    await store.createApp(app);
    await store.publish(APP_ID, { actor: null });
    progress(`loading ${rows.toLocaleString('en')} customers`);
    await load(database.db, rows);
    const records = createRecordService(database.db, createLiveAppCache(database.db));
    const admin = fullAccess({ userId: owner(0), departmentId: null });
    const rep = compilePolicy(app, { userId: owner(1), departmentId: null, departmentTree: [], roles: ['rep'], isAdmin: false });
    // Rows that are not themselves a re-entry (every hundredth row has its own phone no more).
    const pick = (n: number) => {
      const i = 1 + ((n * 7919) % rows);
      return i % 100 === 0 ? i - 1 : i;
    };
    const typed = (i: number) => ({ name: `客户${i}科技（北京）有限责任公司`, phone: `+86 ${13000000000 + i}`, email: null });
    const time = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const adminTimes: number[] = [];
    const repTimes: number[] = [];
    const baseTimes: number[] = [];
    let found = 0;
    for (let n = 0; n < checks; n++) {
      const values = typed(pick(n));
      adminTimes.push(
        await time(async () => {
          found += (await records.duplicates.check(APP_ID, 'customer', admin, { values })).length > 0 ? 1 : 0;
        }),
      );
      repTimes.push(await time(() => records.duplicates.check(APP_ID, 'customer', rep, { values })));
      baseTimes.push(
        await time(() =>
          sql`select id, name, phone, email, credit_code from ${tableRef(APP_ID, 'customer')}
            where deleted_at is null and phone = any(${[String(13000000000 + pick(n))]}::text[]) limit 50`.execute(database.db),
        ),
      );
    }
    if (found < checks) throw new Error(`the check missed ${checks - found} of ${checks} typed duplicates`);
    progress('scanning');
    let groups = 0;
    const scanMs = await time(async () => {
      groups = (await records.duplicates.scan(APP_ID, 'customer', admin, { limit: 200 })).total;
    });
    const scanBaselineMs = await time(() =>
      sql`select phone, array_agg(id) from ${tableRef(APP_ID, 'customer')} where deleted_at is null and phone is not null
        group by phone having count(*) > 1`.execute(database.db),
    );
    return {
      rows,
      checkP95Ms: summarize(adminTimes).p95,
      repCheckP95Ms: summarize(repTimes).p95,
      baselineP95Ms: summarize(baseTimes).p95,
      scanMs,
      scanBaselineMs,
      groups,
    };
  });
}
