/*
 * Wall-clock arithmetic in a named time zone (the app's), with no library: Intl gives the zone's
 * clock for an instant, and the inverse is found by correcting a guess. Used by the work calendar
 * and by the triggers that fire at a time of day.
 */

/** The minute of the day an `HH:MM` time is. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The wall-clock date, weekday (1 Monday … 7 Sunday) and minute of the day of `instant` in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): { date: string; weekday: number; minute: number } {
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
export function instantOf(date: string, minute: number, timeZone: string): Date {
  const target = asUtc(date, minute);
  let guess = target;
  // Each round moves the guess by what the zone's clock shows off target (twice settles a daylight-saving change).
  for (let i = 0; i < 2; i += 1) {
    const seen = wallClock(new Date(guess), timeZone);
    guess += target - asUtc(seen.date, seen.minute);
  }
  return new Date(guess);
}

export function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
