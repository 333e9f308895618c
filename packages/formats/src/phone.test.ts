import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCnLandline, isCnMobile, isCnPhone, normalizeCnLandline, normalizeCnMobile, normalizeCnPhone } from './phone';

describe('normalizeCnMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-138-0013-8000', '13800138000'],
    ['0086 19912345678', '19912345678'],
    ['(+86) 166 1234 5678', '16612345678'],
    [' 15012345678 ', '15012345678'],
    ['１３８００１３８０００', '13800138000'], // full-width digits from a Chinese IME
    ['8613800138000', '13800138000'], // the country code without + or 00
    ['86 138-0013-8000', '13800138000'],
  ])('%s → %s', (input, expected) => expect(normalizeCnMobile(input)).toBe(expected));

  it.each([
    '',
    '1380013800',
    '138001380001',
    '12800138000',
    '10086',
    '23800138000',
    '+85 13800138000',
    '86 1380013800',
    '+86 8613800138000',
    '1380013800a',
    '+86 +86 13800138000',
    '010-62345678',
  ])('rejects %j', (input) => {
    expect(normalizeCnMobile(input)).toBeNull();
    expect(isCnMobile(input)).toBe(false);
  });

  it('accepts every 1[3-9] number with any prefix and separators', () => {
    const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`);
    const prefix = fc.constantFrom('', '+86', '0086', '+86 ', '0086-', '86', '86 ');
    fc.assert(
      fc.property(mobile, prefix, (number, p) => {
        const spaced = `${number.slice(0, 3)} ${number.slice(3, 7)}-${number.slice(7)}`;
        expect(normalizeCnMobile(`${p}${spaced}`)).toBe(number);
      }),
    );
  });
});

describe('normalizeCnLandline', () => {
  it.each([
    ['010-62345678', '01062345678'],
    ['021 6123 4567', '02161234567'],
    ['(0571) 8765 4321', '057187654321'],
    ['0571-8765-4321', '057187654321'],
    ['0755-2345678', '07552345678'], // 7-digit subscriber numbers still exist
    ['+86 10 62345678', '01062345678'], // the trunk 0 is dropped after the country code
    ['0086-571-87654321', '057187654321'],
    ['010-62345678-123', '01062345678转123'],
    ['010-62345678 转 8001', '01062345678转8001'],
    ['0571-87654321分机12', '057187654321转12'],
    ['0571 87654321 ext. 5', '057187654321转5'],
    ['0571-87654321#66', '057187654321转66'],
  ])('%s → %s', (input, expected) => expect(normalizeCnLandline(input)).toBe(expected));

  it.each([
    '',
    '12345678',
    '010-1234567890',
    '010-02345678',
    '010-12345678-',
    '0571-123456',
    '001-12345678',
    '010-12345678',
    '13800138000',
    '400-820-8820',
    '0571-87654321 转 ',
    '0571-87654321 转 1234567',
  ])('rejects %j', (input) => {
    expect(normalizeCnLandline(input)).toBeNull();
    expect(isCnLandline(input)).toBe(false);
  });

  it('round-trips: a normalised number normalises to itself', () => {
    const area = fc.constantFrom('010', '021', '029', '0571', '0755', '0931');
    const subscriber = fc.tuple(fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^\d{6,7}$/)).map(([d, r]) => `${d}${r}`);
    const extension = fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined });
    fc.assert(
      fc.property(area, subscriber, extension, (a, s, ext) => {
        const typed = ext === undefined ? `${a}-${s}` : `${a}-${s} 转 ${ext}`;
        const normal = normalizeCnLandline(typed);
        expect(normal).toBe(ext === undefined ? `${a}${s}` : `${a}${s}转${ext}`);
        expect(normalizeCnLandline(normal ?? '')).toBe(normal);
      }),
    );
  });
});

describe('normalizeCnPhone', () => {
  it('takes mobiles and landlines, each in its own canonical form', () => {
    expect(normalizeCnPhone('+86 138 0013 8000')).toBe('13800138000');
    expect(normalizeCnPhone('0571-87654321')).toBe('057187654321');
    expect(isCnPhone('12345')).toBe(false);
  });
});
