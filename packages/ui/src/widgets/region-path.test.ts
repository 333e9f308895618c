import { describe, expect, it } from 'vitest';
import { guessedRegionPath, hasNothingStored, type RegionTree, regionDepth, regionOptions, resolveRegionPath, storedRegions } from './region-path';

const tree: RegionTree = {
  86: [
    { code: '330000', name: '浙江省' },
    { code: '410000', name: '河南省' },
  ],
  330000: [{ code: '330100', name: '杭州市' }],
  330100: [{ code: '330106', name: '西湖区' }],
  410000: [
    { code: '410100', name: '郑州市' },
    { code: '419001', name: '济源市' },
  ],
  410100: [],
};

describe('region paths', () => {
  it('walks a stored code down the loaded levels', () => {
    expect(resolveRegionPath('330106', tree)).toEqual({
      codes: ['330000', '330100', '330106'],
      names: ['浙江省', '杭州市', '西湖区'],
      complete: true,
      next: null,
    });
  });

  it('finds a district that hangs directly under its province', () => {
    expect(resolveRegionPath('419001', tree).codes).toEqual(['410000', '419001']);
  });

  it('names the level still to load, and gives up on unknown codes', () => {
    expect(resolveRegionPath('330106', { 86: tree[86]! })).toMatchObject({ codes: ['330000'], complete: false, next: '330000' });
    expect(resolveRegionPath('990101', tree)).toMatchObject({ codes: [], complete: false, next: null });
  });

  it('guesses a path from the digits until then', () => {
    expect(guessedRegionPath('330106')).toEqual(['330000', '330100', '330106']);
    expect(guessedRegionPath('330000')).toEqual(['330000']);
  });

  it('builds options that stop at the field level or at an empty level', () => {
    const district = regionOptions(tree, regionDepth(undefined), new Set(['410000']));
    expect(district[0]).toMatchObject({ value: '330000', isLeaf: false, children: [{ value: '330100', children: [{ value: '330106', isLeaf: true }] }] });
    expect(district[1]).toMatchObject({ loading: true });
    expect(district[1]!.children![0]).toMatchObject({ value: '410100', isLeaf: true });
    expect(regionOptions(tree, regionDepth('province'), new Set())[0]).toEqual({ value: '330000', label: '浙江省', isLeaf: true });
  });

  it('leave out nine-digit towns, and make a city whose towns were all left out a leaf', () => {
    const guangdong: RegionTree = {
      86: [{ code: '440000', name: '广东省' }],
      440000: [
        { code: '440300', name: '深圳市' },
        { code: '441900', name: '东莞市' },
        { code: '442000', name: '中山市' },
      ],
      440300: [{ code: '440305', name: '南山区' }],
      441900: [
        { code: '441900003', name: '东城街道' },
        { code: '441900004', name: '南城街道' },
      ],
    };
    expect(regionOptions(guangdong, regionDepth(undefined), new Set())).toEqual([
      {
        value: '440000',
        label: '广东省',
        isLeaf: false,
        children: [
          { value: '440300', label: '深圳市', isLeaf: false, children: [{ value: '440305', label: '南山区', isLeaf: true }] },
          { value: '441900', label: '东莞市', isLeaf: true },
          // Not loaded yet: it stays open to a click, which loads (and then prunes) its level.
          { value: '442000', label: '中山市', isLeaf: false },
        ],
      },
    ]);
    expect(hasNothingStored(guangdong, '441900')).toBe(true);
    expect(hasNothingStored(guangdong, '440300')).toBe(false);
    expect(hasNothingStored(guangdong, '442000')).toBe(false);
  });

  it('offers a town at no level, not even one the server listed beside real districts', () => {
    const mixed: RegionTree = {
      86: [
        { code: '440000', name: '广东省' },
        { code: '44', name: '?' },
      ],
      440000: [
        { code: '440300', name: '深圳市' },
        { code: '440300001', name: '某镇' },
      ],
    };
    expect(storedRegions(mixed[440000]!)).toEqual([{ code: '440300', name: '深圳市' }]);
    const [province] = regionOptions(mixed, regionDepth('city'), new Set());
    expect(regionOptions(mixed, regionDepth('city'), new Set())).toHaveLength(1);
    expect(province!.children).toEqual([{ value: '440300', label: '深圳市', isLeaf: true }]);
  });
});
