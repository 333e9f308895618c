/**
 * Full-width forms (U+FF01–U+FF5E) come from Chinese input methods in full-width mode: "ＡＢＣ１２３"
 * looks like "ABC123" to a person but is not equal to it for search, dedup or a format check.
 */
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width letters, digits and brackets — what means the same in either width. */
const LETTERS_DIGITS_BRACKETS = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF08\uFF09\uFF3B\uFF3D\uFF5B\uFF5D]/g;

/** Every full-width ASCII form, punctuation included. */
const ALL_FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;

/** The ideographic space (U+3000), typed by the space bar in full-width mode. */
const IDEOGRAPHIC_SPACE = /\u3000/g;

function shift(char: string): string {
  return String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET);
}

/**
 * Full-width letters, digits and brackets and the ideographic space as their ASCII forms. Other
 * full-width punctuation (，：；！？) is left alone: in Chinese prose it is the correct form.
 */
export function toHalfWidth(text: string): string {
  return text.replace(LETTERS_DIGITS_BRACKETS, shift).replace(IDEOGRAPHIC_SPACE, ' ');
}

/**
 * Every full-width ASCII form as ASCII, punctuation included — for values that are codes rather
 * than prose (phone numbers: "＋８６ １３８－００１３－８０００"), where no punctuation is meant as Chinese.
 */
export function toHalfWidthAscii(text: string): string {
  return text.replace(ALL_FULL_WIDTH_ASCII, shift).replace(IDEOGRAPHIC_SPACE, ' ');
}
