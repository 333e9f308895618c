import Decimal from 'decimal.js';
import { formatDate, formatLocal, MS_PER_DAY, parseDate } from './dates';
import type { ExprType } from './types';

/**
 * Our own Decimal constructor, so settings of other code never change formula results:
 * 60 significant digits, half away from zero (as PostgreSQL's round), never exponent notation.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type Dec = Decimal;

/** A calendar date without time zone: days since 1970-01-01. */
export class ExprDate {
  constructor(readonly days: number) {}
  toString(): string {
    return formatDate(this.days);
  }
}

/** An instant: milliseconds since the epoch, UTC. */
export class ExprDateTime {
  constructor(readonly ms: number) {}
  toString(): string {
    return new Date(this.ms).toISOString();
  }
}

export type ExprValue = null | Dec | string | boolean | ExprDate | ExprDateTime | readonly string[];
/** What a caller gets back: numbers as exact decimal strings, dates as `YYYY-MM-DD`, datetimes as ISO strings. */
export type PlainValue = null | string | boolean | readonly string[];

/** Division and powers keep this many decimals (half away from zero), in JS and in SQL alike. */
export const DIVISION_SCALE = 10;

export function toPlain(value: ExprValue): PlainValue {
  if (value instanceof Dec) return value.toFixed();
  if (value instanceof ExprDate || value instanceof ExprDateTime) return value.toString();
  return value;
}

function readNumber(raw: unknown): Dec | null {
  if (raw instanceof Dec) return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? new Dec(raw) : null;
  if (typeof raw === 'string' && raw.trim() !== '') {
    try {
      return new Dec(raw.trim());
    } catch {
      return null;
    }
  }
  return null;
}

function readDateTime(raw: unknown): ExprDateTime | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : new ExprDateTime(raw.getTime());
  if (typeof raw === 'number' && Number.isFinite(raw)) return new ExprDateTime(raw);
  if (typeof raw === 'string') {
    const ms = Date.parse(raw);
    return Number.isNaN(ms) ? null : new ExprDateTime(ms);
  }
  return null;
}

function readDate(raw: unknown): ExprDate | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : new ExprDate(Math.floor(raw.getTime() / MS_PER_DAY));
  if (typeof raw !== 'string') return null;
  const days = parseDate(raw);
  return days === null ? null : new ExprDate(days);
}

/** Converts a stored value (DB numeric strings, ISO dates, Date objects) to a formula value. */
export function fromStored(raw: unknown, type: ExprType): ExprValue {
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case 'number':
    case 'currency':
      return readNumber(raw);
    case 'boolean':
      return typeof raw === 'boolean' ? raw : null;
    case 'date':
      return readDate(raw);
    case 'datetime':
      return readDateTime(raw);
    case 'list':
      return Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : null;
    default:
      return typeof raw === 'string' ? raw : null;
  }
}

/** The text form used by `&`, CONCAT and TEXT; the SQL compiler produces the same strings. */
export function toText(value: ExprValue, timeZone: string): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Dec) return value.toFixed();
  if (value instanceof ExprDate) return value.toString();
  if (value instanceof ExprDateTime) return formatLocal(value.ms, timeZone);
  return value.join(', ');
}

/** Strings compare by code point, which is what PostgreSQL's "C" collation does with UTF-8. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const diff = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
}

/** -1, 0, 1, or null when either side is blank or the kinds differ. */
export function compareValues(a: ExprValue, b: ExprValue): number | null {
  if (a === null || b === null) return null;
  if (a instanceof Dec && b instanceof Dec) return a.cmp(b);
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof ExprDate && b instanceof ExprDate) return Math.sign(a.days - b.days);
  if (a instanceof ExprDateTime && b instanceof ExprDateTime) return Math.sign(a.ms - b.ms);
  return null;
}

/** Rounds to `digits` decimals (negative: tens, hundreds …) with the given decimal.js rounding mode. */
export function roundTo(value: Dec, digits: number, mode: Decimal.Rounding): Dec {
  if (digits >= 0) return value.toDecimalPlaces(digits, mode);
  const factor = new Dec(10).pow(-digits);
  return value.div(factor).toDecimalPlaces(0, mode).mul(factor);
}

export function divide(a: Dec, b: Dec): Dec | null {
  return b.isZero() ? null : a.div(b).toDecimalPlaces(DIVISION_SCALE, Dec.ROUND_HALF_UP);
}
