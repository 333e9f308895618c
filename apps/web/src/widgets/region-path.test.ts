import { describe, expect, it } from 'vitest';
import { guessedRegionPath, regionDepth, regionOptions, resolveRegionPath, type RegionTree } from './region-path';

const tree: RegionTree = {
  86: [{ code: '330000', name: '浙江省' }, { code: '410000', name: '河南省' }],
  330000: [{ code: '330100', name: '杭州市' }],
  330100: [{ code: '330106', name: '西湖区' }],
  410000: [{ code: '410100', name: '郑州市' }, { code: '419001', name: '济源市' }],
  410100: [],
};

describe('region paths', () => {
  it('walks a stored code down the loaded levels', () => {
    expect(resolveRegionPath('330106', tree)).toEqual({ codes: ['330000', '330100', '330106'], names: ['浙江省', '杭州市', '西湖区'], complete: true, next: null });
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
});
