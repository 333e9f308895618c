/**
 * Full-width letters, digits and punctuation (U+FF01–U+FF5E) and the ideographic space come from
 * Chinese input methods; they mean the same as their ASCII forms, so values are compared and
 * stored in those.
 */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
