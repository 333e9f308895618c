import { isRegionCode, REGION_ROOT, regionChildren } from './region';

/**
 * A region and everything inside it, as a test on stored codes. GB/T 2260 codes nest by their
 * digits (44 广东省 → 4403 深圳市 → 440305 南山区), so an area is mostly a code prefix, which also
 * covers codes of other editions of the standard. Where the region table departs from the digits
 * (台中市 710400 holds districts numbered 7103xx, some under the same codes as 基隆市 710300's)
 * the departures are listed: `include` holds codes inside the area that the prefix misses,
 * `exclude` codes the prefix catches that belong to another area only.
 */
export interface RegionArea {
  code: string;
  prefix: string;
  include: string[];
  exclude: string[];
}

let everyCode: readonly string[] | null = null;

/** Every code of the table, walked once from the provinces down (a few are listed under two cities). */
function allCodes(): readonly string[] {
  everyCode ??= [...new Set(descendants(REGION_ROOT))];
  return everyCode;
}

function descendants(code: string): string[] {
  return regionChildren(code).flatMap((child) => [child.code, ...descendants(child.code)]);
}

/** The area of a known code, or null for a code the table does not have. */
export function regionArea(code: string): RegionArea | null {
  if (!isRegionCode(code)) return null;
  const inside = new Set([code, ...descendants(code)]);
  // A region without subdivisions is matched whole: the trailing zeros of a nine-digit town
  // (442000100) are digits of its own number, not empty levels.
  const prefix = inside.size === 1 ? code : code.replace(/(00)+$/, '');
  return {
    code,
    prefix,
    include: [...inside].filter((c) => !c.startsWith(prefix)).sort(),
    exclude: allCodes().filter((c) => c.startsWith(prefix) && !inside.has(c)),
  };
}

/** Whether a stored code lies in the area: the same test the records API runs in SQL. */
export function isInRegionArea(area: RegionArea, code: string): boolean {
  return (code.startsWith(area.prefix) && !area.exclude.includes(code)) || area.include.includes(code);
}
