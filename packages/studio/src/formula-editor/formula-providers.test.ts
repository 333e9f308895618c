import { describe, expect, it } from 'vitest';
import { escapeMarkdown, parameterOffsets } from './formula-providers';

describe('provider helpers', () => {
  it('finds each parameter in the signature, left to right', () => {
    const signature = 'SWITCH(expression, case, [value, ...])';
    const offsets = parameterOffsets(signature, ['expression', 'case', 'value']);
    expect(offsets.map(([start, end]) => signature.slice(start, end))).toEqual(['expression', 'case', 'value']);
    // A parameter named like the function is not matched inside the name.
    const text = parameterOffsets('TEXT(value, [decimals])', ['value', 'decimals']);
    expect(text[0]).toEqual([5, 10]);
  });

  it('escapes markdown in labels and examples', () => {
    expect(escapeMarkdown('[金额] * 2_x')).toBe('\\[金额\\] \\* 2\\_x');
  });
});
