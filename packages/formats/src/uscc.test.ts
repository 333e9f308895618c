import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUscc, normalizeUscc, USCC_ALPHABET, usccCheckChar } from './uscc';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The algorithm written out again from DOMAIN.md, independent of the implementation. */
function referenceCheckChar(body: string): string {
  const sum = [...body].reduce((total, char, i) => total + USCC_ALPHABET.indexOf(char) * (WEIGHTS[i] ?? 0), 0);
  const check = 31 - (sum % 31);
  return USCC_ALPHABET.charAt(check === 31 ? 0 : check);
}

const symbol = fc.constantFrom(...USCC_ALPHABET);
const body = fc.array(symbol, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));
const validCode = body.map((b) => b + referenceCheckChar(b));

describe('USCC alphabet', () => {
  it('has 31 symbols and none of I O Z S V', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(new Set(USCC_ALPHABET).size).toBe(31);
    for (const letter of 'IOZSV') expect(USCC_ALPHABET).not.toContain(letter);
  });
});

describe('isUscc', () => {
  it.each([
    '91350100M000100Y43', // the example in GB 32100-2015
    '914403001922038216',
    '91440300708461136T',
    '9144030071526726XG',
    '91110108551385082Q',
    '91330100716105852F',
    '91110000802100433B',
  ])('accepts the published code %s', (code) => expect(isUscc(code)).toBe(true));

  it('accepts codes whose check character is computed here', () => {
    for (const b of ['91330106MA2AXXXX1', '12100000400000000', '5111000050000000M', '93330108MA28000Y9']) {
      const code = b + referenceCheckChar(b);
      expect(isUscc(code), code).toBe(true);
      expect(usccCheckChar(b)).toBe(code.charAt(17));
    }
  });

  it('accepts lower case and surrounding spaces, normalising to upper case', () => {
    expect(normalizeUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it.each([
    ['wrong check character', '91350100M000100Y44'],
    ['too short', '91350100M000100Y4'],
    ['too long', '91350100M000100Y433'],
    ['empty', ''],
    ['inner space', '91350100M000 100Y43'],
    ['forbidden I', '91350100I000100Y43'],
    ['forbidden O', '91350100O000100Y43'],
    ['forbidden Z', '91350100Z000100Y43'],
    ['forbidden S', '91350100S000100Y43'],
    ['forbidden V', '91350100V000100Y43'],
    ['full-width', '９1350100M000100Y43'],
  ])('rejects a code with %s', (_, code) => {
    expect(isUscc(code)).toBe(false);
    expect(normalizeUscc(code)).toBeNull();
  });

  it('usccCheckChar refuses bodies of the wrong length or alphabet', () => {
    expect(usccCheckChar('9135010')).toBeNull();
    expect(usccCheckChar('91350100I000100Y4')).toBeNull();
  });

  it('accepts every generated valid code', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(isUscc(code)).toBe(true);
        expect(usccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
      }),
    );
  });

  it('rejects every single-character substitution within the alphabet', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, at, shift) => {
        const replaced = USCC_ALPHABET.charAt((USCC_ALPHABET.indexOf(code.charAt(at)) + shift) % 31);
        expect(isUscc(code.slice(0, at) + replaced + code.slice(at + 1))).toBe(false);
      }),
    );
  });

  it('rejects a forbidden letter anywhere', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'IOZSV'), (code, at, letter) => {
        expect(isUscc(code.slice(0, at) + letter + code.slice(at + 1))).toBe(false);
      }),
    );
  });

  it('rejects adjacent transpositions of different characters in the body', () => {
    // Weights differ modulo 31, so swapping two different symbols changes the sum.
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 15 }), (code, at) => {
        fc.pre(code.charAt(at) !== code.charAt(at + 1));
        const swapped = code.slice(0, at) + code.charAt(at + 1) + code.charAt(at) + code.slice(at + 2);
        expect(isUscc(swapped)).toBe(false);
      }),
    );
  });
});
