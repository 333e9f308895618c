import type Decimal from 'decimal.js';
import { type FunctionCompiler, strictCall } from './eval-call-site';
import { step } from './eval-env';
import { power } from './eval-operators';
import { compareValues, Dec, divide, type ExprValue, roundTo } from './values';

const ifFn: FunctionCompiler = ({ node, args }) => {
  const [condition, then, otherwise] = args;
  return (env) => {
    step(env, node.range);
    // A blank condition counts as false, as in SQL's CASE WHEN.
    if (condition?.(env) === true) return then?.(env) ?? null;
    return otherwise ? otherwise(env) : null;
  };
};

const ifs: FunctionCompiler =
  ({ node, args }) =>
  (env) => {
    step(env, node.range);
    for (let i = 0; i + 1 < args.length; i += 2) {
      if (args[i]?.(env) === true) return args[i + 1]?.(env) ?? null;
    }
    return null;
  };

const switchFn: FunctionCompiler =
  ({ node, args }) =>
  (env) => {
    step(env, node.range);
    const subject = args[0]?.(env) ?? null;
    let i = 1;
    for (; i + 1 < args.length; i += 2) {
      const candidate = args[i]?.(env) ?? null;
      if (compareValues(subject, candidate) === 0) return args[i + 1]?.(env) ?? null;
    }
    return i < args.length ? (args[i]?.(env) ?? null) : null;
  };

/** Three-valued, as SQL: AND is false if any part is false, else blank if any part is blank. */
const logical =
  (stopAt: boolean): FunctionCompiler =>
  ({ node, args }) =>
  (env) => {
    step(env, node.range);
    let sawBlank = false;
    for (const arg of args) {
      const value = arg(env);
      if (value === stopAt) return stopAt;
      if (value === null) sawBlank = true;
    }
    return sawBlank ? null : !stopAt;
  };

const isBlank: FunctionCompiler =
  ({ node, args }) =>
  (env) => {
    step(env, node.range);
    const value = args[0]?.(env) ?? null;
    return value === null || value === '' || (Array.isArray(value) && value.length === 0);
  };

const coalesce: FunctionCompiler =
  ({ node, args }) =>
  (env) => {
    step(env, node.range);
    for (const arg of args) {
      const value = arg(env);
      if (value !== null) return value;
    }
    return null;
  };

/** SUM, AVERAGE, MIN, MAX, COUNT over arguments ignore blanks. */
const numbersOf = (site: Parameters<FunctionCompiler>[0], env: Parameters<ReturnType<FunctionCompiler>>[0]): Dec[] => {
  step(env, site.node.range);
  const values: Dec[] = [];
  for (const arg of site.args) {
    const value = arg(env);
    if (value instanceof Dec) values.push(value);
  }
  return values;
};

const sum: FunctionCompiler = (site) => (env) => numbersOf(site, env).reduce((a, b) => a.plus(b), new Dec(0));
const average: FunctionCompiler = (site) => (env) => {
  const values = numbersOf(site, env);
  return values.length === 0
    ? null
    : divide(
        values.reduce((a, b) => a.plus(b), new Dec(0)),
        new Dec(values.length),
      );
};
const extreme =
  (pick: 1 | -1): FunctionCompiler =>
  (site) =>
  (env) => {
    const values = numbersOf(site, env);
    return values.reduce<Dec | null>((best, v) => (best === null || v.cmp(best) === pick ? v : best), null);
  };
const count: FunctionCompiler =
  ({ node, args }) =>
  (env) => {
    step(env, node.range);
    return new Dec(args.reduce((n, arg) => (arg(env) === null ? n : n + 1), 0));
  };

/** Digits outside ±30 give a blank rather than a huge or useless result. */
export function digitsOf(value: ExprValue | undefined): number | null {
  if (value === undefined) return 0;
  if (!(value instanceof Dec)) return null;
  const digits = value.trunc().toNumber();
  return Math.abs(digits) > 30 ? null : digits;
}

const rounding =
  (mode: Decimal.Rounding): FunctionCompiler =>
  (site) =>
    strictCall(site, ([value, digits]) => {
      const d = digitsOf(digits);
      return d === null ? null : roundTo(value as Dec, d, mode);
    });

/** Excel's MOD: the remainder takes the divisor's sign. */
export function excelMod(a: Dec, b: Dec): Dec | null {
  if (b.isZero()) return null;
  return a.mod(b).plus(b).mod(b);
}

export const LOGIC_AND_MATH: ReadonlyMap<string, FunctionCompiler> = new Map<string, FunctionCompiler>([
  ['IF', ifFn],
  ['IFS', ifs],
  ['SWITCH', switchFn],
  ['AND', logical(false)],
  ['OR', logical(true)],
  ['NOT', (site) => strictCall(site, ([value]) => !value)],
  ['ISBLANK', isBlank],
  ['COALESCE', coalesce],
  ['SUM', sum],
  ['AVERAGE', average],
  ['MIN', extreme(-1)],
  ['MAX', extreme(1)],
  ['COUNT', count],
  ['ROUND', rounding(Dec.ROUND_HALF_UP)],
  ['ROUNDUP', rounding(Dec.ROUND_UP)],
  ['ROUNDDOWN', rounding(Dec.ROUND_DOWN)],
  ['ABS', (site) => strictCall(site, ([value]) => (value as Dec).abs())],
  ['MOD', (site) => strictCall(site, ([a, b]) => excelMod(a as Dec, b as Dec))],
  ['POWER', (site) => strictCall(site, ([a, b]) => power(a as Dec, b as Dec))],
]);
