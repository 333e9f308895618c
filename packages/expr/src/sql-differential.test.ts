// @tessera/db is not (yet) a dependency of @tessera/expr; its test helper is reached by path.
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { FieldDefinition } from '@tessera/schemas';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, compileFormula, compileToSql, Dec, type EvalContext, toPlain } from './index';
import { FormulaGenerator, type GenType } from './testing/random-formula';

const FIELDS: FieldDefinition[] = [
  { id: 'n1', type: 'number', label: { en: 'N1', 'zh-CN': '数量' } },
  { id: 'n2', type: 'number', label: { en: 'N2' } },
  { id: 'c1', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
  { id: 't1', type: 'text', label: { en: 'Name' } },
  { id: 't2', type: 'text', label: { en: 'T2' } },
  { id: 'b1', type: 'checkbox', label: { en: 'B1' } },
  { id: 'd1', type: 'date', label: { en: 'D1' } },
  { id: 'd2', type: 'date', label: { en: 'D2' } },
  { id: 'ts1', type: 'datetime', label: { en: 'TS1' } },
  { id: 'ts2', type: 'datetime', label: { en: 'TS2' } },
  { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'line' },
  { id: 'tags', type: 'multi_select', label: { en: 'Tags' }, options: [{ value: 'a', label: { en: 'A' } }] },
];
const RELATED = { line: [{ id: 'amount', type: 'currency', label: { en: 'Amount' } }] satisfies FieldDefinition[] };

interface Row {
  n1: string | null;
  n2: string | null;
  c1: string | null;
  t1: string | null;
  t2: string | null;
  b1: boolean | null;
  d1: string | null;
  d2: string | null;
  ts1: string | null;
  ts2: string | null;
  tags: string[] | null;
  lines: (string | null)[];
}

const orNull = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 5 });
const decimal = fc
  .tuple(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, scale]) => new Dec(units).div(new Dec(10).pow(scale)).toFixed(scale));
const text = fc.constantFrom('', 'a', 'ab', 'A b', ' x  y ', '金额', 'b-a', 'Z', 'aa ', '12.5', ' 7 ', '1,234.5', '7%', '－３');
// Month ends, leap days and the days around them.
const date = fc
  .tuple(fc.integer({ min: 2023, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -2, max: 1 }))
  .map(([y, m, offset]) => new Date(Date.UTC(y, m, offset)).toISOString().slice(0, 10));
// Instants within a few hours of DST changes (New York, London) and of month ends.
const DST_EDGES = [
  '2024-03-10T07:00:00Z',
  '2024-11-03T06:00:00Z',
  '2024-03-31T01:00:00Z',
  '2024-10-27T01:00:00Z',
  '2024-02-29T23:30:00Z',
  '2023-12-31T23:00:00Z',
];
const datetime = fc
  .tuple(fc.constantFrom(...DST_EDGES), fc.integer({ min: -6 * 3600, max: 6 * 3600 }), fc.integer({ min: 0, max: 999 }))
  .map(([edge, seconds, ms]) => new Date(Date.parse(edge) + seconds * 1000 + ms).toISOString());
const row: fc.Arbitrary<Row> = fc.record({
  n1: orNull(decimal),
  n2: orNull(decimal),
  c1: orNull(decimal),
  t1: orNull(text),
  t2: orNull(text),
  b1: orNull(fc.boolean()),
  d1: orNull(date),
  d2: orNull(date),
  ts1: orNull(datetime),
  ts2: orNull(datetime),
  tags: orNull(fc.uniqueArray(fc.constantFrom('a', 'ab', '金额', ''), { maxLength: 3 })),
  lines: fc.array(orNull(decimal), { maxLength: 3 }),
});
const context = fc.record({
  now: datetime,
  timeZone: fc.constantFrom('UTC', 'America/New_York', 'Europe/London', 'Asia/Shanghai'),
  currentUser: fc.constant('u1'),
});
const TYPES: GenType[] = ['number', 'text', 'boolean', 'date', 'datetime', 'number'];
const formulas = fc.integer().map((seed) => {
  const generator = new FormulaGenerator(seed);
  return TYPES.map((type) => generator[type](generator.int(1, 4)));
});

/** Only the driver's Date objects are turned into text; numbers must already be equal as text (`64`, never `64.0000000000`). */
function asText(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

let database: TestDatabase;
let db: Kysely<unknown>;

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 2 });
  db = database.db as unknown as Kysely<unknown>;
  await sql`create table rows (id int primary key, n1 numeric, n2 numeric, c1 numeric, t1 text, t2 text, b1 boolean,
    d1 date, d2 date, ts1 timestamptz, ts2 timestamptz, tags text[])`.execute(db);
  await sql`create table lines (parent_id int not null, amount numeric)`.execute(db);
});

afterAll(async () => {
  await database?.drop();
});

async function load(rows: Row[]): Promise<void> {
  await sql`truncate rows, lines`.execute(db);
  await sql`insert into rows values ${sql.join(
    rows.map((r, id) => sql`(${id}, ${r.n1}, ${r.n2}, ${r.c1}, ${r.t1}, ${r.t2}, ${r.b1}, ${r.d1}, ${r.d2}, ${r.ts1}, ${r.ts2}, ${r.tags})`),
  )}`.execute(db);
  const lines = rows.flatMap((r, id) => r.lines.map((amount) => sql`(${id}, ${amount})`));
  if (lines.length > 0) await sql`insert into lines values ${sql.join(lines)}`.execute(db);
}

async function compare(rows: Row[], sources: string[], ctx: EvalContext): Promise<void> {
  await load(rows);
  const checked = sources.map((source) => {
    const result = analyze(source, { fields: FIELDS, relatedFields: RELATED });
    if (!result.ok) throw new Error(`${source}: ${JSON.stringify(result.errors)}`);
    return result.formula;
  });
  const columns = checked.map((formula, i) => {
    const compiled = compileToSql(formula, {
      column: (id) => sql.ref(`r.${id}`),
      relation: () => ({ table: 'lines', parentKey: 'parent_id', parentId: sql.ref('r.id') }),
      context: ctx,
    });
    if (!compiled.ok) throw new Error(compiled.error.code);
    return sql`${compiled.sql} as ${sql.id(`v${i}`)}`;
  });
  const fromDb = await sql<Record<string, unknown>>`select r.*, ${sql.join(columns)} from rows r order by r.id`.execute(db);
  const lines = await sql<{ parent_id: number; amount: string | null }>`select * from lines`.execute(db);
  for (const record of fromDb.rows) {
    const withLines = { ...record, lines: lines.rows.filter((l) => l.parent_id === record.id) };
    checked.forEach((formula, i) => {
      const result = compileFormula(formula).evaluate(withLines, ctx);
      if (!result.ok) throw new Error(`${sources[i]}: ${result.error.code} ${JSON.stringify(result.error.params)}`);
      const js = asText(toPlain(result.value));
      const pg = asText(record[`v${i}`]);
      expect(js, `${sources[i]} on ${JSON.stringify(withLines)} in ${ctx.timeZone}`).toEqual(pg);
    });
  }
}

describe('JS evaluator and PostgreSQL agree', () => {
  it('on random well-typed formulas over random rows', async () => {
    const seed = Number(process.env.EXPR_FC_SEED ?? 20261123);
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), formulas, context, (rows, sources, ctx) => compare(rows, sources, ctx)),
      { numRuns: 300, seed },
    );
  });

  it.each([
    ['1 / 3 + 2 / 3'],
    ['ROUND(-2.5) & "|" & ROUNDUP(-1.21, 1) & "|" & ROUNDDOWN(1.29, 1)'],
    ['MOD(-7, 3) + MOD(7, -3)'],
    ['DATEDIF(DATE(2024, 1, 31), DATE(2024, 2, 29), "m")'],
    ['TEXT(NOW())'],
    ['EOMONTH(TODAY(), -1)'],
    ['("b" < "a") & ("金" > "z")'],
    ['VALUE("+1.") + VALUE(".5")'],
    ['DATE(2024, 14, -1)'],
    ['POWER(-2, 3) + POWER(4, 0.5)'],
    ['2 ^ 6'],
    ['AVERAGE(1, 2, 3) & "|" & (10 / 4)'],
    ['VALUE("1,000.5") + VALUE("12%") + VALUE("１２％")'],
    ['TEXT(-1234.5678, "#,##0.00") & TEXT(0.1234, "0.0%") & TEXT(9.996, "0.00E+00")'],
    ['TEXT(NOW(), "yyyy/mm/dd hh:mm") & TEXT(TODAY(), "yyyy年m月d日")'],
  ])('on %s', async (source) => {
    await compare([{ n1: null, n2: null, c1: null, t1: null, t2: null, b1: null, d1: null, d2: null, ts1: null, ts2: null, tags: null, lines: [] }], [source], {
      now: '2024-03-10T06:59:59.500Z',
      timeZone: 'America/New_York',
      currentUser: 'u1',
    });
  });
});
