import type { AppDocument } from '@tessera/schemas';
import { instantOf, minutesOf, nextDate, wallClock } from './zoned-clock';

export type WorkCalendar = NonNullable<AppDocument['workCalendar']>;

/**
 * The instant `hours` business hours after `from`: only the working hours of working days count
 * (a holiday is off even on a weekday; a make-up workday is on even at a weekend). An approval
 * sent on Friday at 17:00 with 8 hours to go is due on Monday at 16:00.
 */
export function addBusinessHours(from: Date, hours: number, calendar: WorkCalendar | undefined, timeZone: string): Date {
  const weekdays = new Set(calendar?.weekdays ?? [1, 2, 3, 4, 5]);
  const holidays = new Set(calendar?.holidays ?? []);
  const workdays = new Set(calendar?.workdays ?? []);
  const start = minutesOf(calendar?.start ?? '09:00');
  const end = minutesOf(calendar?.end ?? '18:00');
  if (end <= start || hours <= 0) return new Date(from.getTime() + Math.max(0, hours) * 3_600_000);
  const works = (date: string, weekday: number) => workdays.has(date) || (weekdays.has(weekday) && !holidays.has(date));
  let left = hours * 60;
  let { date, weekday, minute } = wallClock(from, timeZone);
  for (let day = 0; day < 3660; day += 1) {
    if (works(date, weekday)) {
      const begin = Math.max(minute, start);
      const available = end - begin;
      if (available >= left) return instantOf(date, begin + left, timeZone);
      if (available > 0) left -= available;
    }
    date = nextDate(date);
    weekday = (weekday % 7) + 1;
    minute = 0;
  }
  return new Date(from.getTime() + hours * 3_600_000);
}
