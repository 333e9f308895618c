import { describe, expect, it } from 'vitest';
import { FORMAT_CHECKS, FORMAT_NAMES } from './format-checks';

describe('FORMAT_CHECKS', () => {
  it('has one check per format name', () => {
    expect(Object.keys(FORMAT_CHECKS).sort()).toEqual([...FORMAT_NAMES].sort());
  });

  it.each([
    ['cn-mobile', '13800138000', '010-62345678'],
    ['cn-landline', '010-62345678', '13800138000'],
    ['cn-phone', '0571-87654321', '12345'],
    ['email', 'zhang.wei@example.com', 'zhang.wei@'],
    ['url', 'https://example.com', 'example.com'],
    ['cn-uscc', '91350100M000100Y43', '91350100M000100Y44'],
    ['cn-resident-id', '11010519491231002X', '110105194912310021'],
  ] as const)('%s accepts %s and rejects %s', (name, good, bad) => {
    expect(FORMAT_CHECKS[name](good)).toBe(true);
    expect(FORMAT_CHECKS[name](bad)).toBe(false);
  });
});
