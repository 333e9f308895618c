import { describe, expect, it } from 'vitest';
import { BLANK_TEXT_PATTERN, isBlankText } from './blank-text';
import { toLetterCase } from './letter-case';

describe('isBlankText', () => {
  it('is true for empty and white-space-only text, the ideographic space included', () => {
    for (const text of ['', '   ', '\t\r\n', '\u3000', ' \u3000 ']) expect(isBlankText(text)).toBe(true);
  });
  it('is false as soon as one character is not white space', () => {
    for (const text of ['a', ' 张 ', '\u30000']) expect(isBlankText(text)).toBe(false);
  });
});

describe('BLANK_TEXT_PATTERN', () => {
  it('calls blank exactly the UTF-16 units isBlankText does, alone and around a letter', () => {
    const blank = new RegExp(BLANK_TEXT_PATTERN);
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      expect(blank.test(char), `U+${unit.toString(16)}`).toBe(isBlankText(char));
      expect(blank.test(`${char}a${char}`)).toBe(false);
    }
  });
});

describe('toLetterCase', () => {
  it('upper-cases, lower-cases or keeps', () => {
    expect(toLetterCase('Ab', 'upper')).toBe('AB');
    expect(toLetterCase('Ab', 'lower')).toBe('ab');
    expect(toLetterCase('Ab', 'keep')).toBe('Ab');
  });
});
