/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over 31 symbols
 * — digits and capital letters without I, O, Z, S, V, which are too easily misread as 1, 0,
 * 2, 5, U. The 18th is a check character over the first 17, so any single mistyped character
 * is caught (31 is prime and no weight is a multiple of it).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** The check character for the first 17 characters, or null when they are not 17 valid symbols. */
export function usccCheckChar(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(body.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The code in upper case when it is valid, else null. Lower case is accepted: it is how people type. */
export function normalizeUscc(value: string): string | null {
  const code = value.trim().toUpperCase();
  if (!USCC_SHAPE.test(code)) return null;
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17) ? code : null;
}

export function isUscc(value: string): boolean {
  return normalizeUscc(value) !== null;
}
