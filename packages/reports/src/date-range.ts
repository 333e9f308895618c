import { addMonths, civilFromDays, daysFromCivil, formatDate, localDays, localTime, MS_PER_DAY, parseDate } from '@tessera/expr';
import type { DateGrain, ReportDateRange } from '@tessera/schemas';

/** A period as local dates of the app's time zone, half-open: from ≤ day < to. */
export interface ResolvedRange {
  from: string;
  to: string;
}

function startOfGrain(days: number, grain: DateGrain): number {
  const { year, month } = civilFromDays(days);
  switch (grain) {
    case 'day':
      return days;
    case 'week':
      // ISO weeks start on Monday; day 0 (1970-01-01) was a Thursday.
      return days - ((((days + 3) % 7) + 7) % 7);
    case 'month':
      return daysFromCivil(year, month, 1);
    case 'quarter':
      return daysFromCivil(year, month - ((month - 1) % 3), 1);
    case 'year':
      return daysFromCivil(year, 1, 1);
  }
}

/** The first day of the bucket after the one starting on `start`. */
export function nextBucket(start: number, grain: DateGrain): number {
  switch (grain) {
    case 'day':
      return start + 1;
    case 'week':
      return start + 7;
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
      return addMonths(start, 3);
    case 'year':
      return addMonths(start, 12);
  }
}

/** The bucket of `grain` holding the local date `date` ('YYYY-MM-DD'), as a range. */
export function bucketRange(date: string, grain: DateGrain): ResolvedRange {
  const start = startOfGrain(parseDate(date) ?? 0, grain);
  return { from: formatDate(start), to: formatDate(nextBucket(start, grain)) };
}

/**
 * A relative range resolved against the clock in the app's time zone, or fixed dates as given;
 * null for all time. "This month" is the whole month (records dated later this month count),
 * "year to date" ends with today.
 */
export function resolveRange(range: ReportDateRange | undefined, now: Date, timeZone: string): ResolvedRange | null {
  if (!range) return null;
  if (!range.range) return range.from && range.to ? { from: range.from, to: range.to } : null;
  const today = localDays(now.getTime(), timeZone);
  const whole = (grain: DateGrain): ResolvedRange => {
    const start = startOfGrain(today, grain);
    return { from: formatDate(start), to: formatDate(nextBucket(start, grain)) };
  };
  switch (range.range) {
    case 'all_time':
      return null;
    case 'today':
      return whole('day');
    case 'this_week':
      return whole('week');
    case 'this_month':
      return whole('month');
    case 'this_quarter':
      return whole('quarter');
    case 'this_year':
      return whole('year');
    case 'year_to_date':
      return { from: formatDate(startOfGrain(today, 'year')), to: formatDate(today + 1) };
    case 'last_n_days':
      return { from: formatDate(today + 1 - (range.days ?? 30)), to: formatDate(today + 1) };
  }
}

/**
 * The period just before (环比): a whole month before a month, a quarter before a quarter,
 * else as many days right before it.
 */
export function previousRange(range: ResolvedRange): ResolvedRange {
  const from = parseDate(range.from) ?? 0;
  const to = parseDate(range.to) ?? 0;
  for (const months of [12, 3, 1]) {
    const isWhole = civilFromDays(from).day === 1 && addMonths(from, months) === to;
    if (isWhole) return { from: formatDate(addMonths(from, -months)), to: range.from };
  }
  return { from: formatDate(from - (to - from)), to: range.from };
}

/** The same period a year before (同比): each end moved back twelve months (29 February to the 28th). */
export function sameRangeLastYear(range: ResolvedRange): ResolvedRange {
  return { from: formatDate(addMonths(parseDate(range.from) ?? 0, -12)), to: formatDate(addMonths(parseDate(range.to) ?? 0, -12)) };
}

/** The instant a local date begins in `timeZone`, as ISO text (what a date-time filter compares with). */
export function startOfLocalDay(date: string, timeZone: string): string {
  const days = parseDate(date) ?? 0;
  let guess = days * MS_PER_DAY;
  // Two corrections settle the zone's offset, also across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const local = localTime(guess, timeZone);
    const wall = daysFromCivil(local.year, local.month, local.day) * MS_PER_DAY + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
    guess -= wall - days * MS_PER_DAY;
  }
  return new Date(guess).toISOString();
}
