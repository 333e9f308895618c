import { sql } from 'kysely';
import type { Sql, SqlEnv } from './sql-helpers';
import type { DateFormat, DatePart, NumberFormat, TextFormat } from './text-format';
import type { ExprType } from './types';

/**
 * TEXT(value, format) in SQL: the same steps as text-format-js.ts, written with numeric rounding
 * and string functions. Each step is a scalar subquery so the value is computed once. The literal
 * text of a format (prefix, suffix) is a bound parameter; the rest comes from the parsed plan.
 */

/** shapeDigits: trim optional zeros, pad and group the integer part of `t` (a numeric as text). */
function shapeDigits(text: Sql, format: NumberFormat): Sql {
  const optional = format.maxFrac - format.minFrac;
  let t = text;
  if (optional > 0) t = sql`regexp_replace(${t}, ${`0{1,${optional}}$`}, '')`;
  if (format.minFrac === 0) t = sql`regexp_replace(${t}, '\\.$', '')`;
  const integer = format.minInt === 0 ? sql`(case when i = '0' then '' else i end)` : sql`lpad(i, greatest(${sql.lit(format.minInt)}, length(i)), '0')`;
  const grouped = format.group ? sql`regexp_replace(${integer}, '(\\d)(?=(\\d{3})+$)', '\\1,', 'g')` : integer;
  return sql`(select ${grouped} || substr(s, length(i) + 1) from (select s, split_part(s, '.', 1) as i from (select ${t} as s) as expr_fmt_t) as expr_fmt_i)`;
}

/** The power of ten of a positive numeric, read from its digits (exact, unlike log()). */
const powerOfTen = (a: Sql): Sql =>
  sql`(case when ${a} = 0 then 0 when ${a} >= 1 then length(trunc(${a})::text) - 1
    else -(length(split_part(${a}::text, '.', 2)) - length(ltrim(split_part(${a}::text, '.', 2), '0')) + 1) end)`;

function exponentText(power: Sql, exponent: NonNullable<NumberFormat['exponent']>): Sql {
  const sign = exponent.plus ? sql`case when ${power} < 0 then '-' else '+' end` : sql`case when ${power} < 0 then '-' else '' end`;
  return sql`('E' || ${sign} || lpad(abs(${power})::text, greatest(${sql.lit(exponent.digits)}, length(abs(${power})::text)), '0'))`;
}

function formatNumber(value: Sql, format: NumberFormat): Sql {
  const F = sql.lit(format.maxFrac);
  const scaled = format.percent ? sql`abs(${value}) * 100` : sql`abs(${value})`;
  // m: the rounded magnitude (or mantissa), p: the power of ten shown after E.
  let rounded: Sql;
  if (format.exponent) {
    const first = sql`(select round(a * ('1e' || (-p)::text)::numeric, ${F}) as m0, p, neg from (select a, ${powerOfTen(sql`a`)} as p, neg from (select ${scaled} as a, ${value} < 0 as neg) as expr_fmt_a) as expr_fmt_p)`;
    rounded = sql`(select case when m0 >= 10 then round(m0 / 10, ${F}) else m0 end as m, case when m0 >= 10 then p + 1 else p end as p, neg from ${first} as expr_fmt_m)`;
  } else {
    rounded = sql`(select round(${scaled}, ${F}) as m, 0 as p, ${value} < 0 as neg)`;
  }
  const exponent = format.exponent ? exponentText(sql`p`, format.exponent) : sql`''`;
  return sql`(select case when neg and m <> 0 then '-' else '' end || ${format.prefix} || ${shapeDigits(sql`m::text`, format)} || ${exponent} || ${format.suffix}
    from ${rounded} as expr_fmt_r where m is not null)`;
}

const TO_CHAR: Record<DatePart, string> = {
  yyyy: 'YYYY',
  yy: 'YY',
  mm: 'MM',
  m: 'FMMM',
  dd: 'DD',
  d: 'FMDD',
  hh: 'HH24',
  h: 'FMHH24',
  nn: 'MI',
  n: 'FMMI',
  ss: 'SS',
  s: 'FMSS',
};

/** A to_char pattern; literal text is quoted so no letter of it is read as a pattern. */
export function toCharPattern(format: DateFormat): string {
  return format.tokens.map((token) => ('part' in token ? TO_CHAR[token.part] : `"${token.literal}"`)).join('');
}

export function textFormatSql(value: Sql, type: ExprType, format: TextFormat, env: SqlEnv): Sql {
  if (format.kind === 'number') return formatNumber(value, format);
  const local = type === 'datetime' ? sql`(${value} at time zone ${env.timeZone})` : sql`${value}::timestamp`;
  return sql`to_char(${local}, ${toCharPattern(format)})`;
}
