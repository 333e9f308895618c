import type { AppDocument } from '@tessera/schemas';

export type WorkCalendar = NonNullable<AppDocument['workCalendar']>;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The wall-clock date, weekday (1 Monday … 7 Sunday) and minute of the day of `instant` in `timeZone`. */
function wallClock(instant: Date, timeZone: string): { date: string; weekday: number; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** A wall-clock date and minute of the day as if it were UTC: comparable numbers, in milliseconds. */
function asUtc(date: string, minute: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 0, minute);
}

/** The instant a wall-clock date and minute of the day in `timeZone` is. */
function instantOf(date: string, minute: number, timeZone: string): Date {
  const target = asUtc(date, minute);
  let guess = target;
  // Each round moves the guess by what the zone's clock shows off target (twice settles a daylight-saving change).
  for (let i = 0; i < 2; i += 1) {
    const seen = wallClock(new Date(guess), timeZone);
    guess += target - asUtc(seen.date, seen.minute);
  }
  return new Date(guess);
}

function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

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
