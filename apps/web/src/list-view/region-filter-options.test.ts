import { describe, expect, it } from 'vitest';
import { storedRegionOptions } from './region-filter-options';

describe('region options of a filter', () => {
  it('leave out nine-digit towns, and make a city whose towns were all left out a leaf', () => {
    const options = [
      { value: '440000', label: '广东省', isLeaf: false, children: [
        { value: '440300', label: '深圳市', isLeaf: false, children: [{ value: '440305', label: '南山区', isLeaf: true }] },
        { value: '441900', label: '东莞市', isLeaf: false, children: [{ value: '441900003', label: '东城街道', isLeaf: true }] },
        { value: '442000', label: '中山市', isLeaf: false },
      ] },
    ];
    expect(storedRegionOptions(options)).toEqual([
      { value: '440000', label: '广东省', isLeaf: false, children: [
        { value: '440300', label: '深圳市', isLeaf: false, children: [{ value: '440305', label: '南山区', isLeaf: true }] },
        { value: '441900', label: '东莞市', isLeaf: true },
        // Not loaded yet: it stays open to a click, which loads (and then prunes) its level.
        { value: '442000', label: '中山市', isLeaf: false },
      ] },
    ]);
  });
});
