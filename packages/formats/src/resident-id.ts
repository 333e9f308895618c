/**
 * Resident identity card number (居民身份证号码, GB 11643-1999): a 6-digit region code, the
 * birth date as YYYYMMDD, a 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check
 * character, which is 0–9 or X (for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level prefixes of GB/T 2260, plus 83 (Taiwan residents' residence permits) and
 * 9x (the 2023 foreign permanent resident ID card): numbers outside these are typos.
 */
const REGION_PREFIX = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3]|9\d)/;

/** The earliest birth year accepted: GB 11643's own example holder was born in 1880. */
const MIN_BIRTH_YEAR = 1800;

/** The check character for the first 17 digits, or null when they are not 17 digits. */
export function residentIdCheckChar(body: string): string | null {
  if (!/^\d{17}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** A real calendar day between MIN_BIRTH_YEAR and `today` (no one is born tomorrow). */
function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return false; // 0230 rolls over into March
  return date.getTime() <= today.getTime();
}

export type ResidentIdOptions = {
  /** The day the number is checked on; birth dates after it are rejected. Defaults to now. */
  today?: Date;
};

/** The number with an upper-case X when it is valid, else null. */
export function normalizeResidentId(value: string, options: ResidentIdOptions = {}): string | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id) || !REGION_PREFIX.test(id)) return null;
  if (!isPlausibleBirthDate(id.slice(6, 14), options.today ?? new Date())) return null;
  return residentIdCheckChar(id.slice(0, 17)) === id.charAt(17) ? id : null;
}

export function isResidentId(value: string, options: ResidentIdOptions = {}): boolean {
  return normalizeResidentId(value, options) !== null;
}
