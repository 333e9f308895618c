import { describe, expect, it } from 'vitest';
import { canonicalFormat } from './format-canonical';
import { FORMAT_CHECKS } from './format-checks';

describe('canonicalFormat', () => {
  it.each([
    ['cn-mobile', '+86 138-0013-8000', '13800138000'],
    ['cn-mobile', '8613800138000', '13800138000'],
    ['cn-landline', '（0571）8765 4321', '057187654321'],
    ['cn-uscc', '９１３５０１００ｍ０００１００ｙ４３', '91350100M000100Y43'],
    ['cn-resident-id', '11010519491231002x', '11010519491231002X'],
    ['email', ' a@EXAMPLE.com ', 'a@example.com'],
    ['url', 'HTTPS://Example.com', 'https://example.com/'],
  ] as const)('%s: %s → %s', (format, input, expected) => {
    expect(canonicalFormat(format, input)).toBe(expected);
    expect(FORMAT_CHECKS[format](input)).toBe(true);
  });

  it('is null for a credit code with a wrong check character, in either width', () => {
    expect(canonicalFormat('cn-uscc', '91350100M000100Y44')).toBeNull();
    expect(canonicalFormat('cn-uscc', '９１３５０１００Ｍ０００１００Ｙ４４')).toBeNull();
    expect(FORMAT_CHECKS['cn-uscc']('91350100M000100Y44')).toBe(false);
  });
});
