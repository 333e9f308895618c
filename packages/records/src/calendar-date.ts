const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/;

/**
 * Whether text starts with a day that exists on PostgreSQL's calendar: years 0001–9999 (no year 0,
 * no extended `+275760`), a real month, a day that month has. JavaScript's Date rolls 2026-02-30
 * over to March 2 and takes year 0; PostgreSQL refuses both.
 */
export function startsWithExistingDate(text: string): boolean {
  const match = DATE_PREFIX.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
