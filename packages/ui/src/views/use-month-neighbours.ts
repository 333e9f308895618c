import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { RecordQuery } from '../api/types';
import { beyondMonthFilter, type CalendarMonth, monthOfValue } from './month-range';

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
 * One record each way, sorted by the date field, under the reader's access.
 */
export function useMonthNeighbours(appId: string, object: ObjectDefinition, field: FieldDefinition, month: CalendarMonth, attempt: number): MonthNeighbours {
  const [neighbours, setNeighbours] = useState<MonthNeighbours>(UNKNOWN);

  useEffect(() => {
    const controller = new AbortController();
    const nearest = async (side: 'before' | 'after'): Promise<CalendarMonth | null> => {
      const query: RecordQuery = {
        filters: [beyondMonthFilter(field, month, side)],
        sort: [{ field: field.id, direction: side === 'before' ? 'desc' : 'asc' }],
        limit: 1,
        count: false,
      };
      const page = await api.queryRecords(appId, object.id, query, controller.signal);
      return monthOfValue(page.items[0]?.[field.id], field.type);
    };
    setNeighbours(UNKNOWN);
    Promise.all([nearest('before'), nearest('after')]).then(
      ([previous, next]) => setNeighbours({ previous, next }),
      () => undefined, // without neighbours the buttons stay off; month by month still works
    );
    return () => controller.abort();
  }, [appId, object.id, field, month, attempt]);

  return neighbours;
}
