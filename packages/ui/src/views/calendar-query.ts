import type { FieldDefinition, ObjectDefinition, ReportDefinition } from '@tessera/schemas';
import type { RecordFilter, RecordQuery } from '../api/types';
import { beyondMonthFilter, type CalendarMonth, monthFilter } from './month-range';

/**
 * What the calendar asks the server, built in one place so the month's records, the nearest
 * months and the year's counts all narrow by the same conditions: the view's filters (and quick
 * search) ANDed with the date range. The server applies them under the reader's access, as for
 * the table; nothing is filtered in the browser.
 */

/** The server's largest page. */
export const CALENDAR_PAGE_SIZE = 500;

/** The records of the month that meet the view's filters, by date. */
export function monthQuery(field: FieldDefinition, month: CalendarMonth, filters: readonly RecordFilter[]): RecordQuery {
  return { filters: [...filters, monthFilter(field, month)], sort: [{ field: field.id, direction: 'asc' }], limit: CALENDAR_PAGE_SIZE };
}

/** The one matching record nearest before (or after) the month: where the calendar can jump to. */
export function neighbourQuery(field: FieldDefinition, month: CalendarMonth, side: 'before' | 'after', filters: readonly RecordFilter[]): RecordQuery {
  return {
    filters: [...filters, beyondMonthFilter(field, month, side)],
    sort: [{ field: field.id, direction: side === 'before' ? 'desc' : 'asc' }],
    limit: 1,
    count: false,
  };
}

/** Matching records per month of the year: one grouped count by the reports engine, the year as its period. */
export function yearCountsReport(object: ObjectDefinition, field: FieldDefinition, year: number, filters: readonly RecordFilter[]): ReportDefinition {
  return {
    id: 'calendar_year',
    label: { en: 'Calendar year' },
    object: object.id,
    dimensions: [{ id: 'month', field: field.id, grain: 'month' }],
    measures: [{ id: 'records', aggregate: 'count' }],
    ...(filters.length > 0 ? { filters: filters.map((f) => ({ field: f.field, op: f.op, value: f.value })) } : {}),
    dateField: field.id,
    dateRange: { from: `${year}-01-01`, to: `${year + 1}-01-01` },
  };
}
