import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { RecordFilter } from '../api/types';
import { neighbourQuery } from './calendar-query';
import { type CalendarMonth, monthOfValue } from './month-range';

export interface MonthNeighbours {
  /** The month of the latest record before the one on screen; null when there is none (or not yet known). */
  previous: CalendarMonth | null;
  /** The month of the earliest record after it. */
  next: CalendarMonth | null;
}

const UNKNOWN: MonthNeighbours = { previous: null, next: null };

/**
 * Where the nearest records before and after the month on screen are, so the calendar can jump
 * there over empty months: a calendar that opens on an empty month says where the visits are.
 * One record each way that meets the view's `filters`, sorted by the date field, under the reader's access.
 */
export function useMonthNeighbours(
  appId: string,
  object: ObjectDefinition,
  field: FieldDefinition,
  month: CalendarMonth,
  filters: readonly RecordFilter[] | null,
  attempt: number,
): MonthNeighbours {
  const [neighbours, setNeighbours] = useState<MonthNeighbours>(UNKNOWN);

  useEffect(() => {
    if (!filters) return;
    const controller = new AbortController();
    const nearest = async (side: 'before' | 'after'): Promise<CalendarMonth | null> => {
      const page = await api.queryRecords(appId, object.id, neighbourQuery(field, month, side, filters), controller.signal);
      return monthOfValue(page.items[0]?.[field.id], field.type);
    };
    setNeighbours(UNKNOWN);
    Promise.all([nearest('before'), nearest('after')]).then(
      ([previous, next]) => setNeighbours({ previous, next }),
      () => undefined, // without neighbours the buttons stay off; month by month still works
    );
    return () => controller.abort();
  }, [appId, object.id, field, month, filters, attempt]);

  return neighbours;
}
