import { type CallSite, type FunctionCompiler, strictCall } from './eval-call-site';
import { checkLength, type Env, step } from './eval-env';
import { digitsOf } from './eval-functions-logic';
import { parseNumberText } from './number-text';
import { formatArg } from './text-format';
import { applyTextFormat } from './text-format-js';
import { Dec, type ExprValue, roundTo, toText } from './values';

/** Characters are code points (as PostgreSQL counts them), not UTF-16 units. */
const chars = (text: string): string[] => Array.from(text);

/** A character count argument: blank if negative, capped so it cannot allocate without bound. */
function countOf(value: ExprValue | undefined): number | null {
  if (value === undefined) return 1;
  const n = (value as Dec).trunc();
  return n.lt(0) ? null : Math.min(n.toNumber(), 1_000_000);
}

const text = (site: CallSite, body: (values: ExprValue[], env: Env) => ExprValue): ReturnType<FunctionCompiler> =>
  strictCall(site, (values, env) => {
    const result = body(values, env);
    return typeof result === 'string' ? checkLength(env, result, site.node.range) : result;
  });

const concat: FunctionCompiler =
  ({ node, args }) =>
  (env) => {
    step(env, node.range);
    let result = '';
    for (const arg of args) result = checkLength(env, result + (toText(arg(env), env.timeZone) ?? ''), node.range);
    return result;
  };

function left([value, count]: ExprValue[]): ExprValue {
  const n = countOf(count);
  return n === null
    ? null
    : chars(value as string)
        .slice(0, n)
        .join('');
}

function right([value, count]: ExprValue[]): ExprValue {
  const n = countOf(count);
  if (n === null) return null;
  const all = chars(value as string);
  return all.slice(Math.max(0, all.length - n)).join('');
}

function mid([value, start, count]: ExprValue[]): ExprValue {
  const from = (start as Dec).trunc();
  const n = countOf(count);
  if (n === null || from.lt(1)) return null;
  const index = Math.min(from.toNumber(), 1_000_001) - 1;
  return chars(value as string)
    .slice(index, index + n)
    .join('');
}

/** Excel's TRIM: no leading or trailing spaces, runs of spaces inside become one. Only U+0020. */
export function trimSpaces(value: string): string {
  return value.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

function substitute([value, old, replacement]: ExprValue[]): ExprValue {
  return old === '' ? (value ?? null) : (value as string).split(old as string).join(replacement as string);
}

function contains([haystack, needle]: ExprValue[]): ExprValue {
  return Array.isArray(haystack) ? haystack.includes(needle as string) : (haystack as string).includes(needle as string);
}

function textOf([value, decimals]: ExprValue[], env: Env): ExprValue {
  if (decimals === undefined || !(value instanceof Dec)) return toText(value ?? null, env.timeZone);
  const d = digitsOf(decimals);
  return d === null ? null : roundTo(value, d, Dec.ROUND_HALF_UP).toFixed(Math.max(d, 0));
}

/** TEXT(value, "format"): the format is a literal the typechecker accepted, so it is parsed once here. */
const textFn: FunctionCompiler = (site) => {
  const format = formatArg(site.node);
  if (format === undefined) return text(site, textOf);
  return text(site, ([value], env) => (format === null ? null : applyTextFormat(value ?? null, format, env.timeZone)));
};

export const TEXT_FUNCTIONS: ReadonlyMap<string, FunctionCompiler> = new Map<string, FunctionCompiler>([
  ['CONCAT', concat],
  ['LEFT', (site) => text(site, left)],
  ['RIGHT', (site) => text(site, right)],
  ['MID', (site) => text(site, mid)],
  ['LEN', (site) => strictCall(site, ([value]) => new Dec(chars(value as string).length))],
  ['UPPER', (site) => text(site, ([value]) => (value as string).toUpperCase())],
  ['LOWER', (site) => text(site, ([value]) => (value as string).toLowerCase())],
  ['TRIM', (site) => text(site, ([value]) => trimSpaces(value as string))],
  ['SUBSTITUTE', (site) => text(site, substitute)],
  ['CONTAINS', (site) => strictCall(site, contains)],
  ['TEXT', textFn],
  ['VALUE', (site) => strictCall(site, ([value]) => parseNumberText(value as string))],
]);
