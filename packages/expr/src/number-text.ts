import { Dec } from './values';

/**
 * What VALUE accepts, shared by the JS evaluator and the SQL compiler so both read the same texts:
 * `[+-]digits[.digits][%]`, with thousands separators only in groups of three (`1,000.5`, not `1,00`).
 * Written for both JS RegExp and PostgreSQL's regular expressions (only constructs both read alike).
 */
export const NUMBER_TEXT_PATTERN = '^[+-]?(([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]*)?|\\.[0-9]+)%?$';

/** Full-width digits, comma, point, percent, signs and the ideographic space, and their ASCII forms (same order). */
export const FULL_WIDTH_CHARS = '０１２３４５６７８９，．％＋－\u3000';
export const ASCII_CHARS = '0123456789,.%+- ';

const NUMBER_TEXT = new RegExp(NUMBER_TEXT_PATTERN);
const FULL_WIDTH = new RegExp(`[${FULL_WIDTH_CHARS}]`, 'g');
const TO_ASCII = new Map(Array.from(FULL_WIDTH_CHARS, (char, i) => [char, ASCII_CHARS[i] as string]));

/** VALUE: the number a text spells, or null. A percent is exact (`12.5%` is 0.125): the point moves, nothing divides. */
export function parseNumberText(text: string): Dec | null {
  const ascii = text.replace(FULL_WIDTH, (char) => TO_ASCII.get(char) ?? char);
  const trimmed = ascii.replace(/^ +| +$/g, '');
  if (!NUMBER_TEXT.test(trimmed)) return null;
  const digits = trimmed.replace(/[,%]/g, '');
  return new Dec(trimmed.endsWith('%') ? `${digits}e-2` : digits);
}
