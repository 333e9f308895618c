import type { FieldDefinition } from '@tessera/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordData } from '../api/types';
import { beyondMonthFilter, dayKey, daysInMonth, groupByDay, monthFilter, monthOfValue, shiftMonth } from './month-range';

const label = { en: 'When' };
const visitDate: FieldDefinition = { id: 'visit_date', type: 'date', label };
const meetingAt: FieldDefinition = { id: 'meeting_at', type: 'datetime', label };
const originalTz = process.env.TZ;

// Node re-reads TZ when it is assigned, so each test can stand in a different country.
function inTimeZone(tz: string): void {
  process.env.TZ = tz;
}

afterEach(() => {
  process.env.TZ = originalTz;
});

function record(id: string, values: Record<string, unknown>): RecordData {
  return {
    id,
    version: 1,
    owner_id: null,
    department_id: null,
    created_at: '',
    created_by: null,
    updated_at: '',
    updated_by: null,
    deleted_at: null,
    ...values,
  };
}

describe('month range', () => {
  it('a date field is filtered by calendar days, leap years included', () => {
    expect(monthFilter(visitDate, { year: 2024, month: 2 })).toEqual({ field: 'visit_date', op: 'between', value: ['2024-02-01', '2024-02-29'] });
    expect(monthFilter(visitDate, { year: 2026, month: 12 }).value).toEqual(['2026-12-01', '2026-12-31']);
    expect(daysInMonth({ year: 2025, month: 2 })).toBe(28);
  });

  it('a datetime field covers the local month, in Shanghai starting the day before in UTC', () => {
    inTimeZone('Asia/Shanghai');
    expect(monthFilter(meetingAt, { year: 2026, month: 11 }).value).toEqual(['2026-10-31T16:00:00.000Z', '2026-11-30T15:59:59.999Z']);
    inTimeZone('UTC');
    expect(monthFilter(meetingAt, { year: 2026, month: 11 }).value).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-30T23:59:59.999Z']);
  });

  it('a month with a daylight saving change keeps local midnights (New York, March)', () => {
    inTimeZone('America/New_York');
    // EST (UTC-5) on March 1st, EDT (UTC-4) from March 8th 2026 on.
    expect(monthFilter(meetingAt, { year: 2026, month: 3 }).value).toEqual(['2026-03-01T05:00:00.000Z', '2026-04-01T03:59:59.999Z']);
  });

  it('a datetime lands on the local day it happens on', () => {
    inTimeZone('Asia/Shanghai');
    expect(dayKey('2026-11-30T17:30:00Z', 'datetime')).toBe('2026-12-01');
    inTimeZone('America/Los_Angeles');
    expect(dayKey('2026-11-30T17:30:00Z', 'datetime')).toBe('2026-11-30');
    expect(dayKey('2026-11-30', 'date')).toBe('2026-11-30');
    expect(dayKey('', 'date')).toBeNull();
    expect(dayKey('not a date', 'datetime')).toBeNull();
  });

  it('groups records by day in query order and skips records without a date', () => {
    const days = groupByDay(
      [
        record('a', { visit_date: '2026-11-03' }),
        record('b', { visit_date: null }),
        record('c', { visit_date: '2026-11-03' }),
        record('d', { visit_date: '2026-11-09' }),
      ],
      visitDate,
    );
    expect([...days.keys()]).toEqual(['2026-11-03', '2026-11-09']);
    expect(days.get('2026-11-03')?.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('shifts months across years', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
  });
});

describe('the months around the one on screen', () => {
  it('looks for records strictly before the 1st and after the last day of a date field’s month', () => {
    expect(beyondMonthFilter(visitDate, { year: 2026, month: 2 }, 'before')).toEqual({ field: 'visit_date', op: 'lt', value: '2026-02-01' });
    expect(beyondMonthFilter(visitDate, { year: 2026, month: 2 }, 'after')).toEqual({ field: 'visit_date', op: 'gt', value: '2026-02-28' });
  });

  it('uses the local month’s instants for a datetime, and finds the local month of a value', () => {
    inTimeZone('Asia/Shanghai');
    expect(beyondMonthFilter(meetingAt, { year: 2026, month: 3 }, 'before')).toEqual({ field: 'meeting_at', op: 'lt', value: '2026-02-28T16:00:00.000Z' });
    expect(monthOfValue('2026-02-28T16:30:00.000Z', 'datetime')).toEqual({ year: 2026, month: 3 });
    expect(monthOfValue('2025-12-31', 'date')).toEqual({ year: 2025, month: 12 });
    expect(monthOfValue(null, 'date')).toBeNull();
  });
});
