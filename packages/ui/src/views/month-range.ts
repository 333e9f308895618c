import type { FieldDefinition } from '@tessera/schemas';
import type { RecordData, RecordFilter } from '../api/types';

/** A calendar month; `month` counts from 1 like people do, not from 0 like Date. */
export interface CalendarMonth {
  year: number;
  month: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function dayKeyOf(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth({ year, month }: CalendarMonth): number {
  return new Date(year, month, 0).getDate();
}

/**
 * The filter for the records of one month. A date field holds a calendar day, so the month is
 * two days and no time zone. A datetime is an instant stored in UTC: the month is the user's
 * local month, from local midnight on the 1st to the last millisecond before the next month's
 * midnight, which in Shanghai starts at 16:00 UTC the day before. `between` is inclusive.
 */
export function monthFilter(field: FieldDefinition, { year, month }: CalendarMonth): RecordFilter {
  if (field.type === 'date') {
    return { field: field.id, op: 'between', value: [dayKeyOf(year, month, 1), dayKeyOf(year, month, daysInMonth({ year, month }))] };
  }
  const start = new Date(year, month - 1, 1);
  const end = new Date(new Date(year, month, 1).getTime() - 1);
  return { field: field.id, op: 'between', value: [start.toISOString(), end.toISOString()] };
}

/** Records dated before the month (`before`) or after it (`after`): where the nearest other visit is looked for. */
export function beyondMonthFilter(field: FieldDefinition, month: CalendarMonth, side: 'before' | 'after'): RecordFilter {
  const [start, end] = monthFilter(field, month).value as [string, string];
  return side === 'before' ? { field: field.id, op: 'lt', value: start } : { field: field.id, op: 'gt', value: end };
}

/** The local month a date or datetime value falls in, or null when it holds none. */
export function monthOfValue(value: unknown, type: FieldDefinition['type']): CalendarMonth | null {
  const key = dayKey(value, type);
  return key === null ? null : { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** The local day (`YYYY-MM-DD`) a date or datetime value falls on, or null when it holds none. */
export function dayKey(value: unknown, type: FieldDefinition['type']): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return dayKeyOf(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

/** Records per local day, each day in the order the records came (the query sorts by the field). */
export function groupByDay(records: readonly RecordData[], field: FieldDefinition): Map<string, RecordData[]> {
  const days = new Map<string, RecordData[]>();
  for (const record of records) {
    const key = dayKey(record[field.id], field.type);
    if (key === null) continue;
    const list = days.get(key);
    if (list) list.push(record);
    else days.set(key, [record]);
  }
  return days;
}

export function shiftMonth({ year, month }: CalendarMonth, delta: number): CalendarMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthOfDate(date: Date): CalendarMonth {
  return { year: date.getFullYear(), month: date.getMonth() + 1 };
}
