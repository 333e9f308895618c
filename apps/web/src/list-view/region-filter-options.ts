import type { RegionOption } from '../widgets/region-path';

/** What a region field can hold: a six-digit code (its value is capped at 6 characters). */
const STORED_CODE = /^\d{6}$/;

/**
 * The cascader's options less what no record can hold: the region table lists nine-digit towns
 * under a few cities without districts (东莞市, 中山市, 儋州市), so such a city is as deep as a
 * filter goes, and becomes a leaf once its towns are loaded and left out.
 */
export function storedRegionOptions(options: readonly RegionOption[]): RegionOption[] {
  return options.filter((option) => STORED_CODE.test(option.value)).map((option) => {
    const { children, ...rest } = option;
    if (!children) return option;
    const kept = storedRegionOptions(children);
    return kept.length > 0 ? { ...rest, children: kept } : { ...rest, isLeaf: true };
  });
}
