import { describe, expect, it } from 'vitest';
import { REGION_ROOT, regionChildren } from './region';
import { isInRegionArea, regionArea } from './region-area';

/**
 * The oracle: the table's own parent links, walked up, with no use of the digits. A few codes are
 * listed under two cities (710301 is 基隆市 仁爱区 and 台中市 中区 in the data), so a code may
 * have several parents, and lies in each of their areas.
 */
const parentsOf = new Map<string, string[]>();
const walk = (parent: string): void => {
  for (const { code } of regionChildren(parent)) {
    const known = parentsOf.has(code);
    parentsOf.set(code, [...(parentsOf.get(code) ?? []), parent]);
    if (!known) walk(code);
  }
};
walk(REGION_ROOT);
const codes = [...parentsOf.keys()];

function isInside(code: string, area: string): boolean {
  return code === area || (parentsOf.get(code) ?? []).some((parent) => parent !== REGION_ROOT && isInside(parent, area));
}

describe('region areas', () => {
  it('are a code prefix for a province, a city and a district', () => {
    expect(regionArea('440000')).toEqual({ code: '440000', prefix: '44', include: [], exclude: [] });
    expect(regionArea('440300')).toEqual({ code: '440300', prefix: '4403', include: [], exclude: [] });
    expect(regionArea('440305')).toEqual({ code: '440305', prefix: '440305', include: [], exclude: [] });
    // A county-level city directly under its province still starts with the province's digits.
    expect(isInRegionArea(regionArea('410000')!, '419001')).toBe(true);
  });

  it('follow the table where it departs from the digits', () => {
    const taichung = regionArea('710400')!;
    const keelung = regionArea('710300')!;
    expect(isInRegionArea(taichung, '710306')).toBe(true);
    expect(isInRegionArea(keelung, '710306')).toBe(false);
    // Listed under both cities, an ambiguous code is in both areas.
    expect(isInRegionArea(taichung, '710301')).toBe(true);
    expect(isInRegionArea(keelung, '710301')).toBe(true);
    // A nine-digit town is itself only, not the towns numbered after it.
    expect(isInRegionArea(regionArea('442000100')!, '442000101')).toBe(false);
  });

  it('refuse codes the table does not have', () => {
    expect(regionArea('999999')).toBeNull();
    expect(regionArea('44')).toBeNull();
    expect(regionArea('')).toBeNull();
  });

  it('hold exactly a region and what lies inside it, for every region of the table', () => {
    expect(codes.length).toBeGreaterThan(3000);
    const wrong: string[] = [];
    for (const area of codes) {
      const compiled = regionArea(area)!;
      for (const code of codes) {
        if (isInRegionArea(compiled, code) !== isInside(code, area)) wrong.push(`${area} ∋ ${code}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
