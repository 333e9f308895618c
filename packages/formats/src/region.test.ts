import { describe, expect, it } from 'vitest';
import { isRegionCode, regionChildren, regionPath } from './region';

describe('GB/T 2260 regions', () => {
  it('knows provinces, cities and districts by code', () => {
    expect(regionPath('330106')).toEqual(['浙江省', '杭州市', '西湖区']);
    expect(regionPath('110101')).toEqual(['北京市', '市辖区', '东城区']);
    expect(regionPath('330000')).toEqual(['浙江省']);
    expect(regionChildren().length).toBeGreaterThanOrEqual(34);
    expect(regionChildren('330100').map((r) => r.name)).toContain('西湖区');
  });

  it('refuses codes that are six digits but no region', () => {
    expect(isRegionCode('330106')).toBe(true);
    expect(isRegionCode('999999')).toBe(false);
    expect(isRegionCode('33010')).toBe(false);
    expect(regionPath('999999')).toEqual([]);
  });
});
