import { type RawBuilder, sql } from 'kysely';
import type { ExprType } from './types';

export type Sql = RawBuilder<unknown>;

/** Settings every compiled expression needs as parameters: never CURRENT_DATE, so SQL matches JS. */
export interface SqlEnv {
  readonly now: string;
  readonly today: string;
  readonly timeZone: string;
  readonly currentUser: string | null;
  readonly currentDepartment: string | null;
}

/**
 * Division keeps 10 decimals. Multiplying by 1.000… (20 zeros) first gives PostgreSQL's numeric
 * division at least 20 decimals to work with, so the final round matches decimal.js.
 */
export const divide = (a: Sql, b: Sql): Sql => sql`round((${a} * 1.00000000000000000000) / nullif(${b}, 0), 10)`;

export const int = (n: Sql): Sql => sql`trunc(${n})::int`;

/** A datetime counts as its calendar date in the formula's time zone. */
export function localDate(value: Sql, type: ExprType, env: SqlEnv): Sql {
  return type === 'datetime' ? sql`(${value} at time zone ${env.timeZone})::date` : value;
}

/** The text form of `&`, CONCAT and TEXT: the same strings `toText` produces in JS. */
export function textOf(value: Sql, type: ExprType, env: SqlEnv): Sql {
  switch (type) {
    case 'number':
    case 'currency':
      return sql`trim_scale(${value})::text`;
    case 'boolean':
      return sql`(case when ${value} then 'TRUE' when not ${value} then 'FALSE' end)`;
    case 'date':
      return sql`to_char(${value}, 'YYYY-MM-DD')`;
    case 'datetime':
      return sql`to_char(${value} at time zone ${env.timeZone}, 'YYYY-MM-DD HH24:MI:SS')`;
    case 'list':
      return sql`array_to_string(${value}, ', ')`;
    default:
      return value;
  }
}

/** Guards shared by ROUND, TEXT: digits outside ±30 give blank, as in JS. */
export const withDigits = (digits: Sql, body: (d: Sql) => Sql): Sql => sql`(case when abs(trunc(${digits})) > 30 then null else ${body(int(digits))} end)`;

export const power = (a: Sql, b: Sql): Sql =>
  sql`(case when abs(${b}) > 1000 or (${a} = 0 and ${b} < 0) or (${a} < 0 and ${b} <> trunc(${b})) then null else round(power(${a}, ${b}), 10) end)`;

export const join = (parts: readonly Sql[], separator: string): Sql => sql.join([...parts], sql.raw(separator));
