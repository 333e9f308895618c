import type { Random } from './random';
import { MOBILE_PREFIXES } from './sample-vocabulary';

/**
 * Values in the records API's wire format (docs/api-contract.md): decimals as strings, dates as
 * YYYY-MM-DD, datetimes as ISO 8601. Money is handled in integer fen so totals add up exactly.
 */

export const DAY_MS = 86_400_000;

/** Sample dates count back from this day, so a demo installed today has "recent" activity. */
export type Clock = { today: number };

export function clockFor(referenceDate: string | undefined): Clock {
  const day = referenceDate ?? new Date().toISOString().slice(0, 10);
  const today = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(today)) throw new Error(`referenceDate must be YYYY-MM-DD, got ${day}`);
  return { today };
}

/** A moment `daysAgo` days before the reference day, in Beijing office hours (09:00–18:00, UTC+8). */
export function workingMoment(clock: Clock, random: Random, daysAgo: number): number {
  const minuteOfDay = random.int(9 * 60, 18 * 60 - 1) - 8 * 60; // as UTC minutes, same calendar day
  return clock.today - daysAgo * DAY_MS + minuteOfDay * 60_000;
}

export const toDateTime = (ms: number): string => new Date(ms).toISOString();
export const toDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const addDays = (ms: number, days: number): number => ms + days * DAY_MS;
export const daysBetween = (from: number, to: number): number => Math.floor((to - from) / DAY_MS);

/** The same calendar day `years` later, minus one day: a contract's last day. */
export function endOfTerm(startMs: number, years: number): number {
  const start = new Date(startMs);
  return Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate()) - DAY_MS;
}

/** 12345 fen → "123.45". */
export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A log-uniform amount: small customers are many, large ones few, as in any real ledger. */
export function logUniform(random: Random, min: number, max: number): number {
  return Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));
}

/** Rounds to a step (e.g. 10 000 yuan), never below one step. */
export const roundTo = (value: number, step: number): number => Math.max(step, Math.round(value / step) * step);

export function mobileNumber(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/** "0571-87654321": the area code of the customer's city, an 8-digit subscriber number. */
export function landlineNumber(random: Random, areaCode: string): string {
  return `${areaCode}-${random.int(2, 8)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** 2024-03 → "202403", for numbers like HT-202403-0001. */
export const yearMonth = (ms: number): string => toDate(ms).slice(0, 7).replace('-', '');

/** Hands out `PREFIX-YYYYMM-0001`, counting per month like the auto_number field does. */
export function createNumberer(prefix: string): (ms: number) => string {
  const counters = new Map<string, number>();
  return (ms) => {
    const month = yearMonth(ms);
    const next = (counters.get(month) ?? 0) + 1;
    counters.set(month, next);
    return `${prefix}-${month}-${String(next).padStart(4, '0')}`;
  };
}
