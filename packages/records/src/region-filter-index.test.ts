import { isInRegionArea, REGION_ROOT, regionArea, regionChildren } from '@tessera/formats';
import { desiredIndexes, tableRef } from '@tessera/meta';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryableColumn } from './query-fields';
import { withinSql } from './region-filter';
import { usePublishedApp } from './test-app';

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer' },
  displayField: 'name',
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' } },
    { id: 'area', type: 'region', label: { en: 'Area' } },
  ],
};
const app: AppDocument = { id: 'regidx', label: { en: 'Regions' }, objects: [customer] };
const area: QueryableColumn = { id: 'area', sqlType: 'text', field: customer.fields[1]! };
const regionIndex = desiredIndexes(customer).find((index) => index.columns[0]?.column === 'area' && index.method === 'btree')?.name;

/** Every six-digit code of the table, the values a region field holds. */
const codes: string[] = [];
const walk = (parent: string): void => {
  for (const { code } of regionChildren(parent))
    if (code.length === 6 && !codes.includes(code)) {
      codes.push(code);
      walk(code);
    }
};
walk(REGION_ROOT);

const ROWS = 60_000;
const published = usePublishedApp(app);
const table = tableRef(app.id, customer.id);

beforeAll(async () => {
  // Every code of the table, many times over, plus empty values: the shape of a large customer list.
  await sql`insert into ${table} (name, area)
    select 'customer ' || i, case when i % 10 = 0 then null else (${codes}::text[])[1 + i % ${codes.length}] end
    from generate_series(1, ${ROWS}) as i`.execute(published.database.db);
  await sql`analyze ${table}`.execute(published.database.db);
});

function within(value: string) {
  const issues: unknown[] = [];
  const predicate = withinSql(area, value, issues as never[], '/filters/0/value');
  if (!predicate) throw new Error(`refused ${value}`);
  return predicate;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** The plan of a live-rows list query filtered by `within`, as the records list asks it. */
async function plan(value: string): Promise<PlanNode[]> {
  const { rows } = await sql<{
    'QUERY PLAN': [{ Plan: PlanNode }];
  }>`explain (format json) select id from ${table} where deleted_at is null and ${within(value)}`.execute(published.database.db);
  return nodes(rows[0]!['QUERY PLAN'][0].Plan);
}

describe('the region filter "within" at scale', () => {
  it('has a plain btree index on the region field, no text_pattern_ops', async () => {
    expect(regionIndex).toBeDefined();
    const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = ${regionIndex ?? ''}`.execute(published.database.db);
    expect(rows.map((r) => r.indexdef.replace(/^.* USING /, ''))).toEqual(['btree (area) WHERE (deleted_at IS NULL)']);
  });

  it('finds a district, a city, a city without districts, a municipality and a province through that index', async () => {
    for (const value of ['330106', '440300', '441900', '110100', '110000', '330000', '710400']) {
      const used = (await plan(value)).filter((node) => regionIndex !== undefined && node['Index Name'] === regionIndex);
      expect(used.length, `${value}: ${JSON.stringify(await plan(value))}`).toBeGreaterThan(0);
    }
  });

  it('matches exactly the rows whose code lies in the area', async () => {
    for (const value of ['440000', '440300', '441900', '110000', '110100', '110101', '410000', '419000', '710300', '710400', '810000', '820000']) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from ${table} where deleted_at is null and ${within(value)}`.execute(
        published.database.db,
      );
      const compiled = regionArea(value)!;
      const expected = Array.from({ length: ROWS }, (_, k) => k + 1).filter((i) => i % 10 !== 0 && isInRegionArea(compiled, codes[i % codes.length]!)).length;
      expect(Number(rows[0]!.n), value).toBe(expected);
    }
  });
});
