import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import type { RecordData, RecordFilter } from '../api/types';
import { monthQuery } from './calendar-query';
import { type CalendarMonth, groupByDay, monthOfDate } from './month-range';
import { useMonthNeighbours } from './use-month-neighbours';
import { useYearCounts } from './use-year-counts';

/** Four of the server's largest pages are more visits than a month's grid can show anyway. */
const MAX_PAGES = 4;

interface MonthState {
  status: 'loading' | 'ready' | 'failed';
  records: RecordData[];
  /** More records fell in the month than were loaded. */
  truncated: boolean;
  /** How many records fall in the month (the server's count), null until known. */
  total: number | null;
  error: unknown;
}

/**
 * The records of one object whose date (or datetime) field falls in the month on screen and that
 * meet `filters` (the view's); null filters: the view is not known yet, nothing is fetched.
 */
export function useCalendarRecords(appId: string, object: ObjectDefinition, field: FieldDefinition, filters: readonly RecordFilter[] | null) {
  const [month, setMonth] = useState<CalendarMonth>(() => monthOfDate(new Date()));
  const [state, setState] = useState<MonthState>({ status: 'loading', records: [], truncated: false, total: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!filters) return;
    const controller = new AbortController();
    const query = monthQuery(field, month, filters);
    setState((s) => ({ ...s, status: 'loading', error: null }));
    (async () => {
      const records: RecordData[] = [];
      let cursor: string | null = null;
      let total: number | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const list = await api.queryRecords(appId, object.id, cursor ? { ...query, cursor } : { ...query, count: true }, controller.signal);
        records.push(...list.items);
        total ??= list.total;
        cursor = list.nextCursor;
        if (!cursor) break;
      }
      return { records, truncated: cursor !== null, total };
    })().then(
      ({ records, truncated, total }) => setState({ status: 'ready', records, truncated, total, error: null }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', records: [], truncated: false, total: null, error });
      },
    );
    return () => controller.abort();
  }, [appId, object.id, field, month, filters, attempt]);

  const days = useMemo(() => groupByDay(state.records, field), [state.records, field]);
  const neighbours = useMonthNeighbours(appId, object, field, month, filters, attempt);
  const yearCounts = useYearCounts(appId, object, field, month.year, filters, attempt);

  return {
    ...state,
    month,
    days,
    neighbours,
    yearCounts,
    setMonth,
    goToday: useCallback(() => setMonth(monthOfDate(new Date())), []),
    // A save can move a record to another day or month: reloading the month is simplest and cheap.
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
