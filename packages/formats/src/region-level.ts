import { isRegionCode, REGION_ROOT, regionChildren } from './region';

/** How far down a region field goes (`regionLevel` of a field definition; district when unset). */
export const REGION_LEVELS = ['province', 'city', 'district'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * A region field stores six-digit codes. The table also lists nine-digit towns under the few cities
 * without districts (东莞市 441900, 中山市 442000, 儋州市 460400): no field can hold one.
 */
const STORABLE_CODE = /^\d{6}$/;

/** A code a region field can store: six digits, and a region of the table. */
export function isStorableRegionCode(code: string): boolean {
  return STORABLE_CODE.test(code) && isRegionCode(code);
}

/** The regions under `parent` that a region field can store: what `/api/regions` serves to pickers. */
export function storableRegionChildren(parent: string = REGION_ROOT): { code: string; name: string }[] {
  return regionChildren(parent).filter((region) => STORABLE_CODE.test(region.code));
}

let levels: ReadonlyMap<string, RegionLevel> | null = null;

/**
 * Each storable code's level is its step in the table from the provinces down, the steps the
 * picker walks, so a code the picker offers at a field's level is a code that level accepts.
 * For nearly every code that is the GB/T 2260 code shape (xx0000 province, xxxx00 city, else
 * district): municipalities keep their 市辖区 step (北京市 110000 → 110100 → 110101), a city
 * without districts (东莞市 441900) is a city, and a county-level city directly under its province
 * sits under the province's 省直辖 step (济源市 419001 under 419000). The one departure is Hong Kong
 * and Macao, whose districts (中西區 810001) hang directly under the region and so are its second step.
 */
function levelTable(): ReadonlyMap<string, RegionLevel> {
  if (levels) return levels;
  const table = new Map<string, RegionLevel>();
  const walk = (parent: string, depth: number): void => {
    const level = REGION_LEVELS[depth];
    if (!level) return;
    for (const { code } of storableRegionChildren(parent)) {
      if (!table.has(code)) table.set(code, level);
      walk(code, depth + 1);
    }
  };
  walk(REGION_ROOT, 0);
  levels = table;
  return table;
}

/** `440000` → province, `440300` and `441900` (东莞市) → city, `440305` → district; not a storable code → null. */
export function regionLevelOf(code: string): RegionLevel | null {
  return levelTable().get(code) ?? null;
}

/** Whether a region field limited to `level` may store `code`: a storable code no deeper than the level. */
export function fitsRegionLevel(code: string, level: RegionLevel): boolean {
  const own = regionLevelOf(code);
  return own !== null && REGION_LEVELS.indexOf(own) <= REGION_LEVELS.indexOf(level);
}
