import { addMonths, civilFromDays, daysFromCivil, daysInMonth, localDays, monthsBetween } from './dates';
import { type FunctionCompiler, literalArg, strictCall } from './eval-call-site';
import { type Env, step } from './eval-env';
import { Dec, ExprDate, ExprDateTime, type ExprValue } from './values';

/** A datetime argument counts as its calendar date in the context's time zone. */
function dayOf(value: ExprValue, env: Env): number {
  return value instanceof ExprDateTime ? localDays(value.ms, env.timeZone) : (value as ExprDate).days;
}

const int = (value: ExprValue | undefined): number => (value as Dec).trunc().toNumber();

/** Excel's DATE: month and day may overflow (month 13 is next January, day 0 the previous month's end). */
function makeDate([y, m, d]: ExprValue[]): ExprValue {
  const year = int(y);
  const month = int(m);
  const day = int(d);
  if (year < 1 || year > 9999 || Math.abs(month) > 120_000 || Math.abs(day) > 3_660_000) return null;
  return new ExprDate(addMonths(daysFromCivil(year, 1, 1), month - 1) + day - 1);
}

const part =
  (pick: (days: number) => number): FunctionCompiler =>
  (site) =>
    strictCall(site, ([value], env) => new Dec(pick(dayOf(value as ExprValue, env))));

function dateDif(values: ExprValue[], env: Env, unit: string): ExprValue {
  const start = dayOf(values[0] as ExprValue, env);
  const end = dayOf(values[1] as ExprValue, env);
  if (unit === 'd') return new Dec(end - start);
  const months = monthsBetween(start, end);
  return new Dec(unit === 'm' ? months : Math.trunc(months / 12));
}

const UNIT_MS: Record<string, number> = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 };

function dateAdd([value, amount]: ExprValue[], unit: string): ExprValue {
  const n = amount as Dec;
  if (value instanceof ExprDateTime) {
    const ms = n
      .mul(UNIT_MS[unit] ?? 0)
      .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
      .toNumber();
    return new ExprDateTime(value.ms + ms);
  }
  const days = (value as ExprDate).days;
  const whole = n.trunc().toNumber();
  if (Math.abs(whole) > 3_660_000) return null;
  if (unit === 'day') return new ExprDate(days + whole);
  return new ExprDate(addMonths(days, unit === 'month' ? whole : whole * 12));
}

function endOfMonth([value, months]: ExprValue[], env: Env): ExprValue {
  const shift = int(months);
  if (Math.abs(shift) > 120_000) return null;
  const { year, month } = civilFromDays(addMonths(dayOf(value as ExprValue, env), shift));
  return new ExprDate(daysFromCivil(year, month, daysInMonth(year, month)));
}

/** 1970-01-01 was a Thursday; WEEKDAY counts Sunday as 1, as Excel does. */
const weekday = (days: number): number => ((((days + 4) % 7) + 7) % 7) + 1;

export const DATE_FUNCTIONS: ReadonlyMap<string, FunctionCompiler> = new Map<string, FunctionCompiler>([
  [
    'TODAY',
    ({ node }) =>
      (env) => {
        step(env, node.range);
        return new ExprDate(env.today);
      },
  ],
  [
    'NOW',
    ({ node }) =>
      (env) => {
        step(env, node.range);
        return new ExprDateTime(env.nowMs);
      },
  ],
  [
    'CURRENTUSER',
    ({ node }) =>
      (env) => {
        step(env, node.range);
        return env.currentUser;
      },
  ],
  [
    'CURRENTDEPARTMENT',
    ({ node }) =>
      (env) => {
        step(env, node.range);
        return env.currentDepartment;
      },
  ],
  ['DATE', (site) => strictCall(site, makeDate)],
  ['YEAR', part((days) => civilFromDays(days).year)],
  ['MONTH', part((days) => civilFromDays(days).month)],
  ['DAY', part((days) => civilFromDays(days).day)],
  ['WEEKDAY', part(weekday)],
  [
    'DATEDIF',
    (site) => {
      const unit = literalArg(site, 2);
      return strictCall(site, (values, env) => dateDif(values, env, unit));
    },
  ],
  [
    'DATEADD',
    (site) => {
      const unit = literalArg(site, 2);
      return strictCall(site, (values) => dateAdd(values, unit));
    },
  ],
  ['EOMONTH', (site) => strictCall(site, endOfMonth)],
]);
