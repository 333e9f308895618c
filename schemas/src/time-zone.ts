/** The time zone of an app that names none: most of our users work on China time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The IANA time zone an app's dates, periods and schedules are read in. */
export function appTimeZone(document: { timeZone?: string | undefined } | null | undefined): string {
  return document?.timeZone ?? DEFAULT_TIME_ZONE;
}
