import type { FieldDefinition, ObjectDefinition, ReportDefinition } from '@tessera/schemas';
import { useEffect, useState } from 'react';
import { dashboardsApi } from '../dashboards/dashboards-api';

/** Records per month (1–12) of one year; null while counting or when the count failed. */
export type YearCounts = ReadonlyMap<number, number> | null;

/**
 * How many records fall in each month of a year, so the calendar shows where the visits are
 * before anyone pages through empty months. One grouped count by the reports engine (month
 * buckets of the date field, the year as the period), under the reader's row scope: a rep counts
 * only the records they may read.
 */
export function useYearCounts(appId: string, object: ObjectDefinition, field: FieldDefinition, year: number, attempt: number): YearCounts {
  const [counts, setCounts] = useState<YearCounts>(null);

  useEffect(() => {
    const controller = new AbortController();
    const report: ReportDefinition = {
      id: 'calendar_year',
      label: { en: 'Calendar year' },
      object: object.id,
      dimensions: [{ id: 'month', field: field.id, grain: 'month' }],
      measures: [{ id: 'records', aggregate: 'count' }],
      dateField: field.id,
      dateRange: { from: `${year}-01-01`, to: `${year + 1}-01-01` },
    };
    setCounts(null);
    dashboardsApi.run(appId, report, controller.signal).then(
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
  }, [appId, object.id, field, year, attempt]);

  return counts;
}
