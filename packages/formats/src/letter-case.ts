/** What a field does with the case of letters on save: codes are upper case, addresses lower, prose as typed. */
export const LETTER_CASES = ['upper', 'lower', 'keep'] as const;
export type LetterCase = (typeof LETTER_CASES)[number];

export function toLetterCase(text: string, letterCase: LetterCase): string {
  if (letterCase === 'upper') return text.toUpperCase();
  if (letterCase === 'lower') return text.toLowerCase();
  return text;
}
