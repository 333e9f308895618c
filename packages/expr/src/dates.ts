/** Calendar arithmetic on day numbers (days since 1970-01-01), proleptic Gregorian, no time zone. */

export const MS_PER_DAY = 86_400_000;

/** Howard Hinnant's days_from_civil: exact for any year, no Date object involved. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/** Adds whole months, clamping the day to the target month's end (Jan 31 + 1 month = Feb 28/29), as PostgreSQL does. */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function parseDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

export interface LocalTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock time of an instant in a time zone (IANA name). */
export function localTime(ms: number, timeZone: string): LocalTime {
  if (timeZone === 'UTC') {
    const days = Math.floor(ms / MS_PER_DAY);
    const rest = ms - days * MS_PER_DAY;
    return { ...civilFromDays(days), hour: Math.floor(rest / 3_600_000), minute: Math.floor(rest / 60_000) % 60, second: Math.floor(rest / 1000) % 60 };
  }
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

export function localDays(ms: number, timeZone: string): number {
  const local = localTime(ms, timeZone);
  return daysFromCivil(local.year, local.month, local.day);
}

export function formatLocal(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  return `${formatDate(daysFromCivil(t.year, t.month, t.day))} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`;
}

/** Whole months from start to end as PostgreSQL's age() counts them; negative when end is earlier. */
export function monthsBetween(start: number, end: number): number {
  if (end < start) return -monthsBetween(end, start);
  const a = civilFromDays(start);
  const b = civilFromDays(end);
  return (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
}
