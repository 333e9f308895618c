import { sql } from 'kysely';
import type { CallNode } from './ast';
import { divide, int, join, power, type Sql, type SqlEnv, withDigits } from './sql-helpers';
import { type ExprType, isTextual } from './types';

export type SqlFunction = (args: readonly Sql[], types: readonly ExprType[], node: CallNode, env: SqlEnv) => Sql;

const at = (args: readonly Sql[], i: number): Sql => args[i] as Sql;

function ifs(args: readonly Sql[]): Sql {
  const branches: Sql[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) branches.push(sql`when ${at(args, i)} then ${at(args, i + 1)}`);
  return sql`(case ${join(branches, ' ')} end)`;
}

function switchSql(args: readonly Sql[]): Sql {
  const subject = at(args, 0);
  const branches: Sql[] = [];
  let i = 1;
  for (; i + 1 < args.length; i += 2) branches.push(sql`when ${subject} = ${at(args, i)} then ${at(args, i + 1)}`);
  const otherwise = i < args.length ? sql` else ${at(args, i)}` : sql``;
  return sql`(case ${join(branches, ' ')}${otherwise} end)`;
}

function isBlank(args: readonly Sql[], types: readonly ExprType[]): Sql {
  const value = at(args, 0);
  const type = types[0] as ExprType;
  if (type === 'list') return sql`(coalesce(cardinality(${value}), 0) = 0)`;
  return isTextual(type) ? sql`(${value} is null or ${value} = '')` : sql`(${value} is null)`;
}

const countOf = (args: readonly Sql[]): Sql =>
  sql`(${join(
    args.map((a) => sql`(${a} is not null)::int`),
    ' + ',
  )})::numeric`;
const sumOf = (args: readonly Sql[]): Sql =>
  sql`(${join(
    args.map((a) => sql`coalesce(${a}, 0)`),
    ' + ',
  )})`;

/** ROUNDUP: away from zero; add one unit of the last kept digit when truncation lost something. */
function roundUp(x: Sql, d: Sql): Sql {
  return sql`(trunc(${x}, ${d}) + case when trunc(${x}, ${d}) <> ${x} then sign(${x}) * ('1e' || (-${d})::text)::numeric else 0 end)`;
}

const digitsArg = (args: readonly Sql[]): Sql => args[1] ?? sql`0`;

export const SQL_LOGIC_AND_MATH = new Map<string, SqlFunction>([
  ['IF', (args) => sql`(case when ${at(args, 0)} then ${at(args, 1)}${args[2] ? sql` else ${args[2]}` : sql``} end)`],
  ['IFS', ifs],
  ['SWITCH', switchSql],
  ['AND', (args) => sql`(${join(args, ' and ')})`],
  ['OR', (args) => sql`(${join(args, ' or ')})`],
  ['NOT', (args) => sql`(not ${at(args, 0)})`],
  ['ISBLANK', isBlank],
  ['COALESCE', (args) => sql`coalesce(${join(args, ', ')})`],
  ['SUM', sumOf],
  ['AVERAGE', (args) => divide(sumOf(args), countOf(args))],
  ['MIN', (args) => sql`least(${join(args, ', ')})`],
  ['MAX', (args) => sql`greatest(${join(args, ', ')})`],
  ['COUNT', countOf],
  ['ROUND', (args) => withDigits(digitsArg(args), (d) => sql`round(${at(args, 0)}, ${d})`)],
  ['ROUNDDOWN', (args) => withDigits(digitsArg(args), (d) => sql`trunc(${at(args, 0)}, ${d})`)],
  ['ROUNDUP', (args) => withDigits(digitsArg(args), (d) => roundUp(at(args, 0), d))],
  ['ABS', (args) => sql`abs(${at(args, 0)})`],
  ['MOD', (args) => sql`(case when ${at(args, 1)} = 0 then null else mod(mod(${at(args, 0)}, ${at(args, 1)}) + ${at(args, 1)}, ${at(args, 1)}) end)`],
  ['POWER', (args) => power(at(args, 0), at(args, 1))],
]);

export { at, int };
