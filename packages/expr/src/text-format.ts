import type { CallNode } from './ast';

/**
 * Spreadsheet format codes for TEXT(value, "format"), parsed once into a plan that the JS
 * evaluator (text-format-js.ts) and the SQL compiler (text-format-sql.ts) both follow, so the
 * two produce the same text. Only a documented subset is accepted; anything else is a check-time
 * error rather than a guess.
 */

export interface NumberFormat {
  readonly kind: 'number';
  /** Literal text before the digits (currency symbols, spaces). */
  readonly prefix: string;
  /** Literal text after the digits, including `%`. */
  readonly suffix: string;
  /** Number of `0`s before the point: the integer part is padded to this many digits (0 with `#.00`: no `0`). */
  readonly minInt: number;
  readonly group: boolean;
  /** `0`s after the point are always shown, `#`s only when not zero. */
  readonly minFrac: number;
  readonly maxFrac: number;
  readonly percent: boolean;
  /** `E+00`: at least `digits` exponent digits; `plus` also shows `+` for positive exponents. */
  readonly exponent: { readonly digits: number; readonly plus: boolean } | null;
}

export type DatePart = 'yyyy' | 'yy' | 'mm' | 'm' | 'dd' | 'd' | 'hh' | 'h' | 'nn' | 'n' | 'ss' | 's';
export type DateToken = { readonly part: DatePart } | { readonly literal: string };

export interface DateFormat {
  readonly kind: 'date';
  readonly tokens: readonly DateToken[];
}

export type TextFormat = NumberFormat | DateFormat;
export type FormatRule = 'empty' | 'unknown_code' | 'needs_number' | 'needs_date' | 'literal';
export type FormatParse = { ok: true; format: TextFormat } | { ok: false; rule: FormatRule; token: string };

/**
 * The parsed format of a TEXT call: undefined when the second argument is not a text literal
 * (decimals, or no argument), null when the literal is not a format the typechecker would accept.
 */
export function formatArg(call: CallNode): TextFormat | null | undefined {
  const arg = call.args[1];
  if (arg?.kind !== 'text') return undefined;
  const parsed = parseTextFormat(arg.value);
  return parsed.ok ? parsed.format : null;
}

/** Text that may stand around the digits of a number format. */
const NUMBER_LITERALS = new Set([' ', '$', '¥', '￥', '€', '£', '元']);
/** Text that may stand between the parts of a date format. */
const DATE_LITERALS = new Set([' ', '-', '/', '.', ':', ',', '年', '月', '日', '时', '分', '秒', '点']);
const DATE_LETTERS = /[ymdhs]/i;

const unknown = (token: string): FormatParse => ({ ok: false, rule: 'unknown_code', token });

export function parseTextFormat(source: string): FormatParse {
  if (source === '') return { ok: false, rule: 'empty', token: '' };
  return DATE_LETTERS.test(source) ? parseDateFormat(source) : parseNumberFormat(source);
}

function takeWhile(source: string, from: number, allowed: (char: string) => boolean): number {
  let i = from;
  while (i < source.length && allowed(source[i] as string)) i++;
  return i;
}

/** `[prefix] #,##0[.00##][%|E+00] [suffix]`: zeros after hashes, as spreadsheets write them. */
function parseNumberFormat(source: string): FormatParse {
  const bodyStart = takeWhile(source, 0, (char) => NUMBER_LITERALS.has(char));
  const intEnd = takeWhile(source, bodyStart, (char) => '#0,'.includes(char));
  const integer = source.slice(bodyStart, intEnd);
  if (!/^[#0](,?[#0])*$/.test(integer) || !/^#*0*$/.test(integer.replaceAll(',', ''))) return unknown(source[intEnd] ?? integer);
  let i = intEnd;
  let fraction = '';
  if (source[i] === '.') {
    const end = takeWhile(source, i + 1, (char) => char === '0' || char === '#');
    fraction = source.slice(i + 1, end);
    if (!/^0*#*$/.test(fraction) || fraction === '') return unknown(source[end] ?? '.');
    i = end;
  }
  let exponent: NumberFormat['exponent'] = null;
  const sci = /^[Ee]([+-])(0+)/.exec(source.slice(i));
  if (sci) {
    if (integer !== '0') return unknown(integer);
    exponent = { digits: (sci[2] as string).length, plus: sci[1] === '+' };
    i += sci[0].length;
  }
  const suffix = source.slice(i);
  const percent = suffix.includes('%');
  if (percent && (exponent || suffix.indexOf('%') !== suffix.lastIndexOf('%'))) return unknown('%');
  const stray = Array.from(suffix).find((char) => char !== '%' && !NUMBER_LITERALS.has(char));
  if (stray !== undefined) return unknown(stray);
  const zeros = (text: string): number => text.replaceAll(/[^0]/g, '').length;
  return {
    ok: true,
    format: {
      kind: 'number',
      prefix: source.slice(0, bodyStart),
      suffix,
      minInt: zeros(integer),
      group: integer.includes(','),
      minFrac: zeros(fraction),
      maxFrac: fraction.length,
      percent,
      exponent,
    },
  };
}

const PART_RUNS: Record<string, readonly string[]> = { y: ['yyyy', 'yy'], m: ['mm', 'm'], d: ['dd', 'd'], h: ['hh', 'h'], s: ['ss', 's'] };

/** As in spreadsheets, `m`/`mm` right after an hour or right before a second is minutes, else months. */
function resolveMinutes(tokens: DateToken[]): DateToken[] {
  const parts = tokens.filter((token): token is { part: DatePart } => 'part' in token);
  return tokens.map((token) => {
    if (!('part' in token) || (token.part !== 'mm' && token.part !== 'm')) return token;
    const at = parts.indexOf(token);
    const before = parts[at - 1]?.part;
    const after = parts[at + 1]?.part;
    const minute = before === 'hh' || before === 'h' || after === 'ss' || after === 's';
    return minute ? { part: token.part === 'mm' ? 'nn' : 'n' } : token;
  });
}

function parseDateFormat(source: string): FormatParse {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    const runs = PART_RUNS[char.toLowerCase()];
    if (runs) {
      const end = takeWhile(source, i, (next) => next.toLowerCase() === char.toLowerCase());
      const run = source.slice(i, end).toLowerCase();
      if (!runs.includes(run)) return unknown(source.slice(i, end));
      tokens.push({ part: run as DatePart });
      i = end;
    } else if (DATE_LITERALS.has(char)) {
      tokens.push({ literal: char });
      i++;
    } else {
      return unknown(char);
    }
  }
  return { ok: true, format: { kind: 'date', tokens: resolveMinutes(tokens) } };
}
