import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText, defaultCanonicalRules } from './canonical-text';
import { FORMAT_NAMES } from './format-names';

const plain = defaultCanonicalRules();

describe('defaultCanonicalRules', () => {
  it('trims everything, reads codes in half width and in their case', () => {
    expect(plain).toEqual({ trim: true, halfWidth: false, letterCase: 'keep', format: undefined });
    expect(defaultCanonicalRules('cn-uscc')).toMatchObject({ halfWidth: true, letterCase: 'upper' });
    expect(defaultCanonicalRules('email')).toMatchObject({ halfWidth: true, letterCase: 'lower' });
    expect(defaultCanonicalRules('cn-mobile')).toMatchObject({ halfWidth: true, letterCase: 'keep' });
  });
});

describe('canonicalText', () => {
  it('counts a text of only white space as blank', () => {
    for (const text of ['', ' ', '\t\n', '\u3000\u3000']) expect(canonicalText(text, plain)).toEqual({ kind: 'blank' });
  });

  it('trims unless told not to', () => {
    expect(canonicalText('  张三 ', plain)).toEqual({ kind: 'value', value: '张三' });
    expect(canonicalText('  张三 ', { ...plain, trim: false })).toEqual({ kind: 'value', value: '  张三 ' });
  });

  it('reads full-width letters, digits and brackets as ASCII when asked', () => {
    expect(canonicalText('某某科技（北京）有限公司 ＡＢ１', { ...plain, halfWidth: true })).toEqual({ kind: 'value', value: '某某科技(北京)有限公司 AB1' });
    expect(canonicalText('（北京）', plain)).toEqual({ kind: 'value', value: '（北京）' });
  });

  it('stores a mobile written with 86 in front as its 11 digits', () => {
    for (const text of ['8613800138000', '+86 138 0013 8000', '0086-138-0013-8000', ' 86 138-0013-8000 ', '＋８６１３８００１３８０００'])
      expect(canonicalText(text, defaultCanonicalRules('cn-mobile')), text).toEqual({ kind: 'value', value: '13800138000' });
  });

  it('upper-cases credit codes, full width included, and lower-cases e-mail addresses', () => {
    expect(canonicalText(' 91350100m000100y43 ', defaultCanonicalRules('cn-uscc'))).toEqual({ kind: 'value', value: '91350100M000100Y43' });
    expect(canonicalText('９１３５０１００Ｍ０００１００Ｙ４３', defaultCanonicalRules('cn-uscc'))).toEqual({ kind: 'value', value: '91350100M000100Y43' });
    expect(canonicalText('Zhang.Wei@Example.COM', defaultCanonicalRules('email'))).toEqual({ kind: 'value', value: 'zhang.wei@example.com' });
    expect(canonicalText('Zhang.Wei@Example.COM', { ...defaultCanonicalRules('email'), letterCase: 'keep' })).toEqual({
      kind: 'value',
      value: 'Zhang.Wei@example.com',
    });
  });

  it('reports a value that breaks its format, cleaned as far as the rules go', () => {
    expect(canonicalText(' 91350100m000100y44 ', defaultCanonicalRules('cn-uscc'))).toEqual({ kind: 'bad_format', value: '91350100M000100Y44' });
    expect(canonicalText('138001380', defaultCanonicalRules('cn-mobile'))).toEqual({ kind: 'bad_format', value: '138001380' });
  });

  it('is idempotent: a stored value is stored again unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(undefined, ...FORMAT_NAMES), (text, format) => {
        const rules = defaultCanonicalRules(format);
        const once = canonicalText(text, rules);
        if (once.kind !== 'value') return true;
        const twice = canonicalText(once.value, rules);
        return twice.kind === 'value' && twice.value === once.value;
      }),
    );
  });
});
