/**
 * Chinese phone numbers as people type them: "+86 138-0013-8000", "(0571) 8765 4321 转 801".
 * Each `normalize*` returns the canonical form when the value is valid and null otherwise, so
 * one call both checks and cleans; the `is*` checks are defined through it and can never drift.
 */

import { toHalfWidthAscii } from './half-width';

/** Separators people put inside numbers; they carry no meaning. */
const SEPARATORS = /[\s\-().·]/g;

/** Removes the country code, which is optional for domestic numbers. */
function stripCountryCode(digits: string): { rest: string; hadCountryCode: boolean } {
  for (const prefix of ['+86', '0086']) {
    if (digits.startsWith(prefix)) return { rest: digits.slice(prefix.length), hadCountryCode: true };
  }
  return { rest: digits, hadCountryCode: false };
}

/** Mobile numbers: 11 digits, 1 then 3–9 (no carrier ever issued 10x, 11x or 12x). */
const MOBILE = /^1[3-9]\d{9}$/;

/** `13800138000` for any accepted spelling of a mainland mobile number, else null. */
export function normalizeCnMobile(value: string): string | null {
  const compact = toHalfWidthAscii(value).trim().replace(SEPARATORS, '');
  const { rest, hadCountryCode } = stripCountryCode(compact);
  if (MOBILE.test(rest)) return rest;
  // "8613800138000": the country code without its + or 00, as exported by phones and
  // messaging apps. Thirteen digits starting 86 are never a domestic number, so this is safe.
  const bare = !hadCountryCode && rest.length === 13 && rest.startsWith('86') ? rest.slice(2) : null;
  return bare !== null && MOBILE.test(bare) ? bare : null;
}

export function isCnMobile(value: string): boolean {
  return normalizeCnMobile(value) !== null;
}

/**
 * Area codes: 010 and 020–029 are the only three-digit ones (Beijing and the big regional
 * centres); every other area code has four digits and starts 03–09. Subscriber numbers have
 * 7 or 8 digits and never start with 0 or 1 (those are trunk and service prefixes).
 */
const LANDLINE = /^(010|02\d|0[3-9]\d{2})([2-9]\d{6,7})$/;
const EXTENSION_MARKER = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const DASH_EXTENSION = /^(.*)-\s*(\d{1,6})$/;

/** Area code + subscriber as digits, or null. Re-adds the trunk 0 dropped after +86. */
function parseLandlineMain(main: string): string | null {
  const compact = main.replace(SEPARATORS, '');
  const { rest, hadCountryCode } = stripCountryCode(compact);
  if (!/^\d+$/.test(rest)) return null;
  const withTrunk = hadCountryCode && !rest.startsWith('0') ? `0${rest}` : rest;
  return LANDLINE.test(withTrunk) ? withTrunk : null;
}

/**
 * `057187654321` or, with an extension, `057187654321转801` — written the way business cards
 * do, because a dash would be ambiguous (`0102000000-0` is also the valid `01020000000`).
 * Extensions may follow 转, 分机, ext, x, # or a final dash ("010-62345678-123"); a dash is
 * only read as an extension when the digits without it do not already form a valid number
 * ("0571-8765-4321").
 */
export function normalizeCnLandline(value: string): string | null {
  const text = toHalfWidthAscii(value).trim();
  const marked = EXTENSION_MARKER.exec(text);
  if (marked) {
    const main = parseLandlineMain(marked[1] ?? '');
    return main === null ? null : `${main}转${marked[2] ?? ''}`;
  }
  const whole = parseLandlineMain(text);
  if (whole !== null) return whole;
  const dashed = DASH_EXTENSION.exec(text);
  if (!dashed) return null;
  const main = parseLandlineMain(dashed[1] ?? '');
  return main === null ? null : `${main}转${dashed[2] ?? ''}`;
}

export function isCnLandline(value: string): boolean {
  return normalizeCnLandline(value) !== null;
}

/** A mobile or a landline number, normalised as such. */
export function normalizeCnPhone(value: string): string | null {
  return normalizeCnMobile(value) ?? normalizeCnLandline(value);
}

export function isCnPhone(value: string): boolean {
  return normalizeCnPhone(value) !== null;
}
