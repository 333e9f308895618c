/**
 * A text of only white space (spaces, tabs, line breaks, the ideographic space U+3000) says
 * nothing: it counts as empty, so a required field refuses it and an optional one stores blank.
 */
export function isBlankText(text: string): boolean {
  return text.trim() === '';
}

/**
 * `isBlankText` as a regular expression that JavaScript and PostgreSQL read alike: the white
 * space `String.prototype.trim` removes, spelled out, so a records filter "is empty" finds in SQL
 * exactly the rows a write would call blank (blank-text.test.ts checks every UTF-16 unit).
 */
export const BLANK_TEXT_PATTERN = '^[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]*$';
