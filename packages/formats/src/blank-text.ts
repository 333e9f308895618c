/**
 * A text of only white space (spaces, tabs, line breaks, the ideographic space U+3000) says
 * nothing: it counts as empty, so a required field refuses it and an optional one stores blank.
 */
export function isBlankText(text: string): boolean {
  return text.trim() === '';
}
