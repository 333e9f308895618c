import { describe, expect, it } from 'vitest';
import { bucketRange, previousRange, resolveRange, sameRangeLastYear, startOfLocalDay } from './date-range';

// Sunday 2026-12-06, 20:00 UTC: already Monday 2026-12-07 04:00 in Shanghai.
const now = new Date('2026-12-06T20:00:00Z');

describe('report periods', () => {
  it('resolve relative ranges in the app’s time zone to half-open local dates', () => {
    const at = (range: Parameters<typeof resolveRange>[0], zone = 'Asia/Shanghai') => resolveRange(range, now, zone);
    expect(at({ range: 'today' })).toEqual({ from: '2026-12-07', to: '2026-12-08' });
    expect(at({ range: 'today' }, 'UTC')).toEqual({ from: '2026-12-06', to: '2026-12-07' });
    expect(at({ range: 'this_week' })).toEqual({ from: '2026-12-07', to: '2026-12-14' });
    expect(at({ range: 'this_week' }, 'UTC')).toEqual({ from: '2026-11-30', to: '2026-12-07' });
    expect(at({ range: 'this_month' })).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(at({ range: 'this_quarter' })).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(at({ range: 'this_year' })).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(at({ range: 'year_to_date' })).toEqual({ from: '2026-01-01', to: '2026-12-08' });
    expect(at({ range: 'last_n_days', days: 7 })).toEqual({ from: '2026-12-01', to: '2026-12-08' });
    expect(at({ range: 'all_time' })).toBeNull();
    expect(at({ from: '2026-01-01', to: '2026-02-01' })).toEqual({ from: '2026-01-01', to: '2026-02-01' });
  });

  it('compare with the period just before: the month, quarter or year before, else as many days', () => {
    expect(previousRange({ from: '2026-03-01', to: '2026-04-01' })).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(previousRange({ from: '2026-01-01', to: '2026-04-01' })).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(previousRange({ from: '2026-01-01', to: '2027-01-01' })).toEqual({ from: '2025-01-01', to: '2026-01-01' });
    expect(previousRange({ from: '2026-12-01', to: '2026-12-08' })).toEqual({ from: '2026-11-24', to: '2026-12-01' });
    expect(sameRangeLastYear({ from: '2026-01-01', to: '2026-12-08' })).toEqual({ from: '2025-01-01', to: '2025-12-08' });
    expect(sameRangeLastYear({ from: '2028-02-29', to: '2028-03-01' })).toEqual({ from: '2027-02-28', to: '2027-03-01' });
  });

  it('know where a bucket ends and when a local day starts', () => {
    expect(bucketRange('2026-02-01', 'month')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(bucketRange('2026-12-07', 'week')).toEqual({ from: '2026-12-07', to: '2026-12-14' });
    expect(bucketRange('2026-10-01', 'quarter')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(startOfLocalDay('2026-11-01', 'Asia/Shanghai')).toBe('2026-10-31T16:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });
});
