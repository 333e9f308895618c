import { sql } from 'kysely';
import { ASCII_CHARS, FULL_WIDTH_CHARS, NUMBER_TEXT_PATTERN } from './number-text';
import { at, type SqlFunction } from './sql-functions-logic';
import { int, join, localDate, type Sql, textOf, withDigits } from './sql-helpers';
import { formatArg } from './text-format';
import { textFormatSql } from './text-format-sql';
import { type ExprType, isNumeric } from './types';

/** A character count: blank when negative, capped as in JS. */
const count = (n: Sql | undefined, body: (k: Sql) => Sql): Sql =>
  n === undefined ? body(sql`1`) : sql`(case when trunc(${n}) < 0 then null else ${body(sql`least(trunc(${n}), 1000000)::int`)} end)`;

const textFn: SqlFunction = (args, types, node, env) => {
  const format = formatArg(node);
  if (format === null) return sql`cast(null as text)`;
  if (format !== undefined) return textFormatSql(at(args, 0), types[0] as ExprType, format, env);
  const value = textOf(at(args, 0), types[0] as ExprType, env);
  const digits = args[1];
  if (digits === undefined) return value;
  if (!isNumeric(types[0] as ExprType)) return sql`(case when ${digits} is null then null else ${value} end)`;
  return withDigits(digits, (d) => sql`round(${at(args, 0)}, ${d})::text`);
};

const monthsBetween = (end: Sql, start: Sql): Sql =>
  sql`(extract(year from age(${end}::timestamp, ${start}::timestamp)) * 12 + extract(month from age(${end}::timestamp, ${start}::timestamp)))`;

const dateDif: SqlFunction = (args, types, node, env) => {
  const start = localDate(at(args, 0), types[0] as ExprType, env);
  const end = localDate(at(args, 1), types[1] as ExprType, env);
  const unit = node.args[2]?.kind === 'text' ? node.args[2].value.toLowerCase() : 'd';
  if (unit === 'd') return sql`(${end} - ${start})::numeric`;
  const months = sql`(case when ${end} >= ${start} then ${monthsBetween(end, start)} else -${monthsBetween(start, end)} end)`;
  return unit === 'm' ? months : sql`div(${months}, 12)`;
};

const UNIT_MS: Record<string, number> = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 };

const dateAdd: SqlFunction = (args, types, node) => {
  const [value, amount] = [at(args, 0), at(args, 1)];
  const unit = node.args[2]?.kind === 'text' ? node.args[2].value.toLowerCase() : 'day';
  if (types[0] === 'datetime') {
    return sql`(${value} + round(${amount} * ${sql.lit(UNIT_MS[unit] ?? 0)})::double precision * interval '1 millisecond')`;
  }
  const shifted =
    unit === 'day' ? sql`(${value} + ${int(amount)})` : sql`(${value} + make_interval(${unit === 'month' ? sql`months` : sql`years`} => ${int(amount)}))::date`;
  return sql`(case when abs(trunc(${amount})) > 3660000 then null else ${shifted} end)`;
};

const makeDate: SqlFunction = (args) => {
  const [y, m, d] = [at(args, 0), at(args, 1), at(args, 2)];
  return sql`(case when trunc(${y}) < 1 or trunc(${y}) > 9999 or abs(trunc(${m})) > 120000 or abs(trunc(${d})) > 3660000 then null
    else (make_date(${int(y)}, 1, 1) + make_interval(months => ${int(m)} - 1))::date + (${int(d)} - 1) end)`;
};

const endOfMonth: SqlFunction = (args, types, _node, env) => {
  const day = localDate(at(args, 0), types[0] as ExprType, env);
  const months = at(args, 1);
  return sql`(case when abs(trunc(${months})) > 120000 then null
    else (date_trunc('month', ${day}::timestamp) + make_interval(months => ${int(months)} + 1) - interval '1 day')::date end)`;
};

const datePart =
  (part: 'year' | 'month' | 'day' | 'dow'): SqlFunction =>
  (args, types, _node, env) => {
    const day = localDate(at(args, 0), types[0] as ExprType, env);
    return part === 'dow' ? sql`(extract(dow from ${day}) + 1)` : sql`extract(${sql.raw(part)} from ${day})`;
  };

/** `= any` is false on an empty array even for a blank needle, and blank on null items; JS is strict and skips null items. */
const listContains = (list: Sql, needle: Sql): Sql =>
  sql`(case when ${list} is null or ${needle} is null then null else coalesce(${needle} = any(${list}), false) end)`;

/** VALUE: the same normalisation and pattern as `parseNumberText`; a percent multiplies by 0.01, which numeric does exactly. */
function numberFromText(text: Sql): Sql {
  return sql`(select case when t ~ ${NUMBER_TEXT_PATTERN}
      then translate(t, ',%', '')::numeric * (case when right(t, 1) = '%' then 0.01 else 1 end) end
    from (select btrim(translate(${text}, ${FULL_WIDTH_CHARS}, ${ASCII_CHARS}), ' ') as t) as expr_value)`;
}

export const SQL_TEXT_AND_DATE = new Map<string, SqlFunction>([
  [
    'CONCAT',
    (args, types, _node, env) =>
      sql`concat(${join(
        args.map((a, i) => textOf(a, types[i] as ExprType, env)),
        ', ',
      )})`,
  ],
  ['LEFT', (args) => count(args[1], (k) => sql`left(${at(args, 0)}, ${k})`)],
  ['RIGHT', (args) => count(args[1], (k) => sql`right(${at(args, 0)}, ${k})`)],
  [
    'MID',
    (args) =>
      sql`(case when trunc(${at(args, 1)}) < 1 then null else ${count(args[2], (k) => sql`substr(${at(args, 0)}, least(trunc(${at(args, 1)}), 1000001)::int, ${k})`)} end)`,
  ],
  ['LEN', (args) => sql`char_length(${at(args, 0)})::numeric`],
  ['UPPER', (args) => sql`upper(${at(args, 0)})`],
  ['LOWER', (args) => sql`lower(${at(args, 0)})`],
  ['TRIM', (args) => sql`btrim(regexp_replace(${at(args, 0)}, ' {2,}', ' ', 'g'), ' ')`],
  ['SUBSTITUTE', (args) => sql`replace(${at(args, 0)}, ${at(args, 1)}, ${at(args, 2)})`],
  ['CONTAINS', (args, types) => (types[0] === 'list' ? listContains(at(args, 0), at(args, 1)) : sql`(strpos(${at(args, 0)}, ${at(args, 1)}) > 0)`)],
  ['TEXT', textFn],
  ['VALUE', (args) => numberFromText(at(args, 0))],
  ['TODAY', (_args, _types, _node, env) => sql`cast(${env.today} as date)`],
  ['NOW', (_args, _types, _node, env) => sql`cast(${env.now} as timestamptz)`],
  ['CURRENTUSER', (_args, _types, _node, env) => sql`cast(${env.currentUser} as text)`],
  ['CURRENTDEPARTMENT', (_args, _types, _node, env) => sql`cast(${env.currentDepartment} as text)`],
  ['DATE', makeDate],
  ['YEAR', datePart('year')],
  ['MONTH', datePart('month')],
  ['DAY', datePart('day')],
  ['WEEKDAY', datePart('dow')],
  ['DATEDIF', dateDif],
  ['DATEADD', dateAdd],
  ['EOMONTH', endOfMonth],
]);
