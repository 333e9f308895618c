import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, compileFormula, compileToSql, type EvalContext, formatExprError, toPlain } from './index';
import { RELATED, SAMPLE_FIELDS } from './test-fixtures';

// Each function case runs in JS and in a real PostgreSQL, and both must give the expected text.
const context: EvalContext = { now: '2024-03-10T06:30:05Z', timeZone: 'Asia/Shanghai', currentUser: 'u1' };
// Stored with more scale than needed, as numeric(…, 2) columns hand them out.
const RECORD = { id: 1, amount: '1234.50', qty: '2.00', name: '1,000.5', close_date: '2024-02-29', created_at: '2024-12-31T16:05:09Z' };
const LINES = ['1.10', '2.20', null];

let database: TestDatabase;
let db: Kysely<unknown>;

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 1 });
  db = database.db as unknown as Kysely<unknown>;
  await sql`create table q (id int, amount numeric, qty numeric, name text, close_date date, created_at timestamptz)`.execute(db);
  await sql`create table lines (quote_id int, amount numeric)`.execute(db);
  await sql`insert into q values (${RECORD.id}, ${RECORD.amount}, ${RECORD.qty}, ${RECORD.name}, ${RECORD.close_date}, ${RECORD.created_at})`.execute(db);
  for (const amount of LINES) await sql`insert into lines values (1, ${amount})`.execute(db);
});

afterAll(async () => {
  await database?.drop();
});

async function both(source: string): Promise<{ js: unknown; pg: unknown }> {
  const analyzed = analyze(source, { fields: SAMPLE_FIELDS, relatedFields: RELATED });
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.errors));
  const result = compileFormula(analyzed.formula).evaluate({ ...RECORD, lines: LINES.map((amount) => ({ amount })) }, context);
  const compiled = compileToSql(analyzed.formula, {
    column: (id) => sql.ref(`q.${id}`),
    relation: () => ({ table: 'lines', parentKey: 'quote_id', parentId: sql.ref('q.id') }),
    context,
  });
  if (!compiled.ok) throw new Error(compiled.error.code);
  const { rows } = await sql<{ v: unknown }>`select ${compiled.sql} as v from q`.execute(db);
  return { js: result.ok ? toPlain(result.value) : result.error.code, pg: rows[0]?.v };
}

type Case = readonly [source: string, expected: string | null];

const GROUPS: readonly (readonly [title: string, cases: readonly Case[]])[] = [
  [
    'numbers keep no trailing zeros',
    [
      ['2 ^ 6', '64'],
      ['POWER(4, 0.5)', '2'],
      ['AVERAGE(2, 4)', '3'],
      ['AVERAGE(lines.amount)', '1.65'],
      ['SUM(lines.amount)', '3.3'],
      ['1 / 4', '0.25'],
      ['amount', '1234.5'],
      ['qty * 1.5', '3'],
      ['ROUND(2.5, 3)', '2.5'],
      ['ROUNDUP(qty, 2)', '2'],
      ['ROUNDDOWN(amount, 5)', '1234.5'],
      ['MOD(7.50, 2)', '1.5'],
      ['ABS(-qty)', '2'],
      ['MAX(qty, 1.0)', '2'],
      ['(close_date - DATE(2024, 2, 28))', '1'],
    ],
  ],
  [
    'VALUE',
    [
      ['VALUE(name)', '1000.5'],
      ['VALUE("12%")', '0.12'],
      ['VALUE(" -12.5% ")', '-0.125'],
      ['VALUE("+1,234,567")', '1234567'],
      ['VALUE("１，２３４．５")', '1234.5'],
      ['VALUE("\u3000７％")', '0.07'],
      ['VALUE("1,00")', null],
      ['VALUE("1,000,00")', null],
      ['VALUE("12%%")', null],
      ['VALUE("abc")', null],
      ['VALUE("")', null],
    ],
  ],
  [
    'TEXT with number formats',
    [
      ['TEXT(amount, "#,##0.00")', '1,234.50'],
      ['TEXT(-1234567.891, "#,##0.00")', '-1,234,567.89'],
      ['TEXT(amount, "#,##0")', '1,235'],
      ['TEXT(amount, "0")', '1235'],
      ['TEXT(0.1234, "0.0%")', '12.3%'],
      ['TEXT(-0.001, "0.00")', '0.00'],
      ['TEXT(0.5, "#.00")', '.50'],
      ['TEXT(12, "0000")', '0012'],
      ['TEXT(1.5, "0.0##")', '1.5'],
      ['TEXT(1.23456, "0.0##")', '1.235'],
      ['TEXT(2, "0.##")', '2'],
      ['TEXT(amount, "¥#,##0.00")', '¥1,234.50'],
      ['TEXT(amount, "0.00E+00")', '1.23E+03'],
      ['TEXT(0.000123, "0.0E+0")', '1.2E-4'],
      ['TEXT(9.996, "0.00E+00")', '1.00E+01'],
      ['TEXT(0, "0.00E+00")', '0.00E+00'],
      ['TEXT(-123456, "0E-00")', '-1E05'],
      ['TEXT(amount, 1)', '1234.5'],
    ],
  ],
  [
    'TEXT with date formats',
    [
      ['TEXT(close_date, "yyyy-mm-dd")', '2024-02-29'],
      ['TEXT(close_date, "yyyy年m月d日")', '2024年2月29日'],
      ['TEXT(close_date, "mm/dd")', '02/29'],
      ['TEXT(close_date, "yy.m.d hh:mm")', '24.2.29 00:00'],
      ['TEXT(created_at, "yyyy/mm/dd hh:mm")', '2025/01/01 00:05'],
      ['TEXT(created_at, "h:m:s")', '0:5:9'],
      ['TEXT(created_at, "yyyy-mm-dd hh:mm:ss")', '2025-01-01 00:05:09'],
    ],
  ],
];

for (const [title, cases] of GROUPS) {
  describe(`${title}, in JS and PostgreSQL`, () => {
    it.each(cases)('%s → %s', async (source, expected) => {
      const { js, pg } = await both(source);
      expect(js).toBe(expected);
      expect(pg).toBe(expected);
    });
  });
}

describe('TEXT format errors at check time', () => {
  const errorOf = (source: string) => {
    const analyzed = analyze(source, { fields: SAMPLE_FIELDS, relatedFields: RELATED });
    if (analyzed.ok) throw new Error(`${source} was accepted`);
    return analyzed.errors[0] ?? null;
  };

  it.each([
    ['TEXT(amount, "0.0x")', 'The format "0.0x" of TEXT cannot be used: "x" is not a supported format code'],
    ['TEXT(close_date, "yyyy-mmm")', '"mmm" is not a supported format code'],
    ['TEXT(amount, "yyyy")', 'a date format needs a date or a date and time'],
    ['TEXT(close_date, "0.00")', 'a number format needs a number'],
    ['TEXT(amount, name)', 'the format must be written in quotes'],
    ['TEXT(amount, "")', 'the format is empty'],
  ])('%s', (source, message) => {
    const error = errorOf(source);
    expect(error?.code).toBe('expr.text_format');
    if (!error) return;
    expect(formatExprError(error, 'en')).toContain(message);
    expect(formatExprError(error, 'zh-CN')).toContain('TEXT 的格式');
  });

  it('names the function and the argument when a number stands where true/false is expected', () => {
    for (const [source, en, zh] of [
      ['IF(1, 2)', 'Argument 1 of IF must be true/false, got a number', 'IF 的第 1 个参数应为是/否，实际为数字'],
      ['OR(FALSE, 0)', 'Argument 2 of OR must be true/false, got a number', 'OR 的第 2 个参数应为是/否，实际为数字'],
    ] as const) {
      const error = errorOf(source);
      expect(error && formatExprError(error, 'en')).toBe(en);
      expect(error && formatExprError(error, 'zh-CN')).toBe(zh);
    }
  });
});
