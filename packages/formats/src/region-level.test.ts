import { describe, expect, it } from 'vitest';
import { isRegionCode, REGION_ROOT, regionChildren } from './region';
import { fitsRegionLevel, isStorableRegionCode, regionLevelOf, storableRegionChildren } from './region-level';

/** Every code of the table, walked from the provinces down. */
const everyCode = new Set<string>();
const walk = (parent: string): void => {
  for (const { code } of regionChildren(parent))
    if (!everyCode.has(code)) {
      everyCode.add(code);
      walk(code);
    }
};
walk(REGION_ROOT);

describe('region levels', () => {
  it('are the GB/T 2260 levels for provinces, cities and districts', () => {
    expect(['440000', '440300', '440305'].map(regionLevelOf)).toEqual(['province', 'city', 'district']);
    // A municipality keeps its 市辖区 step.
    expect(['110000', '110100', '110101'].map(regionLevelOf)).toEqual(['province', 'city', 'district']);
    expect(['500000', '500100', '500200', '500101'].map(regionLevelOf)).toEqual(['province', 'city', 'city', 'district']);
  });

  it('make a city without districts a city, and its towns no level at all', () => {
    for (const city of ['441900', '442000', '460400']) {
      expect(regionLevelOf(city), city).toBe('city');
      const town = regionChildren(city)[0]!.code;
      expect(town).toHaveLength(9);
      expect(isRegionCode(town)).toBe(true);
      expect(isStorableRegionCode(town)).toBe(false);
      expect(regionLevelOf(town)).toBeNull();
    }
  });

  it('follow the table where it departs from the code shape', () => {
    // 济源市 sits under 河南省's 省直辖 step, like a district.
    expect(regionLevelOf('419001')).toBe('district');
    // Hong Kong's districts hang directly under the region: the picker offers them as its second step.
    expect(regionLevelOf('810001')).toBe('city');
  });

  it('give every storable code of the table a level, and nothing else', () => {
    const storable = [...everyCode].filter((code) => code.length === 6);
    expect(storable.length).toBeGreaterThan(3000);
    expect(storable.filter((code) => regionLevelOf(code) === null)).toEqual([]);
    expect(['999999', '44', '4403', '', '440305 '].map(regionLevelOf)).toEqual([null, null, null, null, null]);
  });

  it('let a field take a code no deeper than its level', () => {
    expect(fitsRegionLevel('440000', 'province')).toBe(true);
    expect(fitsRegionLevel('440300', 'province')).toBe(false);
    expect(fitsRegionLevel('440305', 'province')).toBe(false);
    expect(fitsRegionLevel('440000', 'city')).toBe(true);
    expect(fitsRegionLevel('441900', 'city')).toBe(true);
    expect(fitsRegionLevel('110100', 'city')).toBe(true);
    expect(fitsRegionLevel('110101', 'city')).toBe(false);
    expect(fitsRegionLevel('440305', 'district')).toBe(true);
    expect(fitsRegionLevel('441900', 'district')).toBe(true);
    expect(fitsRegionLevel('441900001', 'district')).toBe(false);
    expect(fitsRegionLevel('999999', 'district')).toBe(false);
  });
});

describe('storable region children', () => {
  it('leave out the nine-digit towns, and only them', () => {
    expect(regionChildren('441900').length).toBeGreaterThan(0);
    expect(storableRegionChildren('441900')).toEqual([]);
    expect(storableRegionChildren('330100')).toEqual(regionChildren('330100'));
    expect(storableRegionChildren()).toEqual(regionChildren());
    expect(storableRegionChildren('999999')).toEqual([]);
  });
});
