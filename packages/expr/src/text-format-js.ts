import { civilFromDays, localTime } from './dates';
import type { DateFormat, DatePart, NumberFormat, TextFormat } from './text-format';
import { Dec, ExprDate, ExprDateTime, type ExprValue } from './values';

/**
 * The digits of a rounded, non-negative number as the format shows them. Every step is a plain
 * string operation that text-format-sql.ts repeats with PostgreSQL's string functions.
 */
export function shapeDigits(fixed: string, format: NumberFormat): string {
  let text = fixed;
  const optional = format.maxFrac - format.minFrac;
  if (optional > 0) text = text.replace(new RegExp(`0{1,${optional}}$`), '');
  if (format.minFrac === 0) text = text.replace(/\.$/, '');
  const point = text.indexOf('.');
  let integer = point < 0 ? text : text.slice(0, point);
  const rest = point < 0 ? '' : text.slice(point);
  integer = format.minInt === 0 && integer === '0' ? '' : integer.padStart(format.minInt, '0');
  if (format.group) integer = integer.replace(/(\d)(?=(\d{3})+$)/g, '$1,');
  return integer + rest;
}

/** `E+05`, `E-3`: the sign is always shown for negative exponents and, with `E+`, for positive ones. */
export function exponentText(exponent: number, format: NonNullable<NumberFormat['exponent']>): string {
  const sign = exponent < 0 ? '-' : format.plus ? '+' : '';
  return `E${sign}${String(Math.abs(exponent)).padStart(format.digits, '0')}`;
}

function formatNumber(value: Dec, format: NumberFormat): string {
  let magnitude = format.percent ? value.abs().mul(100) : value.abs();
  let exponent = '';
  if (format.exponent) {
    let power = magnitude.isZero() ? 0 : magnitude.e;
    magnitude = magnitude.mul(new Dec(`1e${-power}`)).toDecimalPlaces(format.maxFrac, Dec.ROUND_HALF_UP);
    // 9.996 with two decimals rounds to 10.00: one more power of ten.
    if (magnitude.gte(10)) {
      magnitude = magnitude.div(10);
      power += 1;
    }
    exponent = exponentText(power, format.exponent);
  } else {
    magnitude = magnitude.toDecimalPlaces(format.maxFrac, Dec.ROUND_HALF_UP);
  }
  const sign = value.isNeg() && !magnitude.isZero() ? '-' : '';
  return sign + format.prefix + shapeDigits(magnitude.toFixed(format.maxFrac), format) + exponent + format.suffix;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function formatDateParts(parts: Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>, format: DateFormat): string {
  const show: Record<DatePart, () => string> = {
    yyyy: () => String(parts.year).padStart(4, '0'),
    yy: () => pad2(parts.year % 100),
    mm: () => pad2(parts.month),
    m: () => String(parts.month),
    dd: () => pad2(parts.day),
    d: () => String(parts.day),
    hh: () => pad2(parts.hour),
    h: () => String(parts.hour),
    nn: () => pad2(parts.minute),
    n: () => String(parts.minute),
    ss: () => pad2(parts.second),
    s: () => String(parts.second),
  };
  return format.tokens.map((token) => ('part' in token ? show[token.part]() : token.literal)).join('');
}

/** TEXT(value, format) in JS; the typechecker made sure number formats get numbers and date formats dates. */
export function applyTextFormat(value: ExprValue, format: TextFormat, timeZone: string): string | null {
  if (format.kind === 'number') return value instanceof Dec ? formatNumber(value, format) : null;
  if (value instanceof ExprDate) return formatDateParts({ ...civilFromDays(value.days), hour: 0, minute: 0, second: 0 }, format);
  if (value instanceof ExprDateTime) return formatDateParts(localTime(value.ms, timeZone), format);
  return null;
}
