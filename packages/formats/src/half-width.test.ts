import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHalfWidth, toHalfWidthAscii } from './half-width';

describe('toHalfWidth', () => {
  it('turns full-width letters, digits and brackets into ASCII', () => {
    expect(toHalfWidth('ＡＢＣ ｘｙｚ １２３')).toBe('ABC xyz 123');
    expect(toHalfWidth('（北京）［一］｛二｝')).toBe('(北京)[一]{二}');
  });

  it('turns the ideographic space into a space', () => {
    expect(toHalfWidth('张\u3000三')).toBe('张 三');
  });

  it('leaves Chinese punctuation and CJK characters alone', () => {
    expect(toHalfWidth('你好，世界！：；？')).toBe('你好，世界！：；？');
    expect(toHalfWidth('【重要】《合同》')).toBe('【重要】《合同》');
  });

  it('leaves ASCII text unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (text) => toHalfWidth(text) === text));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => toHalfWidth(toHalfWidth(text)) === toHalfWidth(text)));
  });
});

describe('toHalfWidthAscii', () => {
  it('turns every full-width ASCII form into ASCII, punctuation included', () => {
    expect(toHalfWidthAscii('＋８６\u3000１３８－００１３－８０００')).toBe('+86 138-0013-8000');
    expect(toHalfWidthAscii('ａ＠ｂ．ｃｏｍ')).toBe('a@b.com');
  });
});
