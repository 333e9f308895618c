import { localTime } from '@tessera/expr';

/**
 * The wall clock an instant shows in a time zone, as a Date whose UTC fields are that wall clock:
 * how a spreadsheet holds a time (it has no zone, and exceljs reads and writes cells as UTC).
 */
export function wallClock(instant: Date, timeZone: string): Date {
  const t = localTime(instant.getTime(), timeZone);
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
}
