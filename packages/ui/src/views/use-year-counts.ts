import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { useEffect, useState } from 'react';
import type { RecordFilter } from '../api/types';
import { dashboardsApi } from '../dashboards/dashboards-api';
import { yearCountsReport } from './calendar-query';

/** Records per month (1–12) of one year; null while counting or when the count failed. */
export type YearCounts = ReadonlyMap<number, number> | null;

/**
 * How many records fall in each month of a year, so the calendar shows where the visits are
 * before anyone pages through empty months. One grouped count by the reports engine (month
 * buckets of the date field, the year as the period), under the reader's row scope: a rep counts
 * only the records they may read, and only those meeting the view's `filters`.
 */
export function useYearCounts(
  appId: string,
  object: ObjectDefinition,
  field: FieldDefinition,
  year: number,
  filters: readonly RecordFilter[] | null,
  attempt: number,
): YearCounts {
  const [counts, setCounts] = useState<YearCounts>(null);

  useEffect(() => {
    if (!filters) return;
    const controller = new AbortController();
    setCounts(null);
    dashboardsApi.run(appId, yearCountsReport(object, field, year, filters), controller.signal).then(
      (answer) => {
        const months = new Map<number, number>();
        for (const row of answer.rows) {
          const key = row.keys.month?.value;
          if (typeof key === 'string' && key.startsWith(String(year))) months.set(Number(key.slice(5, 7)), Number(row.values.records ?? 0));
        }
        setCounts(months);
      },
      () => undefined, // without counts the months show none; the calendar itself still works
    );
    return () => controller.abort();
  }, [appId, object, field, year, filters, attempt]);

  return counts;
}
