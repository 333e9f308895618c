import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isResidentId, normalizeResidentId, residentIdCheckChar } from './resident-id';

const TODAY = new Date(Date.UTC(2025, 5, 1));

/** ISO 7064 MOD 11-2 written out: weight 2^(17-i) mod 11, check (12 - sum mod 11) mod 11. */
function referenceCheckChar(body: string): string {
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (2 ** (17 - i) % 11), 0);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

const region = fc.constantFrom('110105', '310104', '330106', '440305', '510107', '650102', '810000');
const birthDate = fc
  .date({ min: new Date(Date.UTC(1930, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const sequence = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
const validId = fc.tuple(region, birthDate, sequence).map(([r, b, s]) => r + b + s + referenceCheckChar(r + b + s));

describe('isResidentId', () => {
  it.each([
    '11010519491231002X', // the example in GB 11643-1999
    '440524188001010014', // the standard's second example, born 1880
  ])('accepts the published example %s', (id) => expect(isResidentId(id, { today: TODAY })).toBe(true));

  it('accepts numbers whose check character is computed here, including X', () => {
    for (const body of ['33010619900307123', '44030520000229456', '51010719851111000']) {
      const id = body + referenceCheckChar(body);
      expect(isResidentId(id, { today: TODAY }), id).toBe(true);
      expect(residentIdCheckChar(body)).toBe(id.charAt(17));
    }
  });

  it('accepts a lower-case x and normalises it to X', () => {
    expect(normalizeResidentId('11010519491231002x', { today: TODAY })).toBe('11010519491231002X');
  });

  it.each([
    ['wrong check character', '110105194912310021'],
    ['15 digits (old format)', '110105491231002'],
    ['17 digits', '11010519491231002'],
    ['19 digits', '11010519491231002X0'],
    ['letter in the body', '11010519491231A02X'],
    ['X anywhere but last', 'X10105194912310020'],
  ])('rejects a number with %s', (_, id) => {
    expect(isResidentId(id, { today: TODAY })).toBe(false);
    expect(normalizeResidentId(id, { today: TODAY })).toBeNull();
  });

  // The check character is correct in each of these, so only the other rules can reject them.
  it.each([
    ['February 30th', '11010519490230002'],
    ['month 13', '11010519491301002'],
    ['day 00', '11010519491200002'],
    ['a birth date after today', '11010520260101001'],
    ['a birth year before 1800', '11010517991231002'],
    ['an unknown province prefix', '00010519491231002'],
    ['province prefix 99 is allowed but 60 is not', '60010519491231002'],
  ])('rejects a number with %s', (_, body) => {
    expect(isResidentId(body + referenceCheckChar(body), { today: TODAY })).toBe(false);
  });

  it('accepts 29 February only in leap years', () => {
    const leap = '11010520000229001';
    const common = '11010519990229001';
    expect(isResidentId(leap + referenceCheckChar(leap), { today: TODAY })).toBe(true);
    expect(isResidentId(common + referenceCheckChar(common), { today: TODAY })).toBe(false);
  });

  it('accepts every generated valid number', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(isResidentId(id, { today: TODAY })).toBe(true);
      }),
    );
  });

  it('rejects every single-digit substitution', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, at, shift) => {
        const symbols = at === 17 ? '0123456789X' : '0123456789';
        const index = symbols.indexOf(id.charAt(at));
        const replaced = symbols.charAt((index + shift) % symbols.length);
        fc.pre(replaced !== id.charAt(at));
        expect(isResidentId(id.slice(0, at) + replaced + id.slice(at + 1), { today: TODAY })).toBe(false);
      }),
    );
  });
});
