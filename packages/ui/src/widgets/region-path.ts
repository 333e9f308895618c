import type { FieldDefinition } from '@tessera/schemas';
import type { Region } from './widget-api';

export const REGION_ROOT = '86';

export type RegionLevel = NonNullable<FieldDefinition['regionLevel']>;

/** Regions loaded so far, by parent code (`86` for the provinces). */
export type RegionTree = Readonly<Record<string, readonly Region[]>>;

export interface RegionOption {
  value: string;
  label: string;
  isLeaf: boolean;
  loading?: boolean;
  children?: RegionOption[];
}

/** How many levels the pick goes down: province 1, city 2, district 3 (the default). */
export function regionDepth(level: RegionLevel | undefined): number {
  return level === 'province' ? 1 : level === 'city' ? 2 : 3;
}

/**
 * What a region field can hold: a six-digit code (its value schema caps it at 6 characters, and the
 * server refuses longer values). The region table also lists nine-digit towns under the few cities
 * that have no districts (东莞市, 中山市, 儋州市): no record can store one, so no picker offers them.
 */
const STORED_CODE = /^\d{6}$/;

export function storedRegions(regions: readonly Region[]): Region[] {
  return regions.filter((region) => STORED_CODE.test(region.code));
}

/**
 * The cascader's options from what is loaded, less what no record can hold, for the record form
 * and the list filter alike. A region is a leaf at the field's depth, or once its level is loaded
 * and holds nothing storable (a city without districts, such as 东莞市), so that it can be picked.
 * A level not loaded yet stays open to a click, which loads it.
 */
export function regionOptions(tree: RegionTree, depth: number, loading: ReadonlySet<string>, parent = REGION_ROOT, level = 1): RegionOption[] {
  return storedRegions(tree[parent] ?? []).map((region) => {
    const isLeaf = level >= depth || hasNothingStored(tree, region.code);
    const option: RegionOption = { value: region.code, label: region.name, isLeaf };
    if (loading.has(region.code)) option.loading = true;
    if (!isLeaf && tree[region.code]) option.children = regionOptions(tree, depth, loading, region.code, level + 1);
    return option;
  });
}

/** The region's level is loaded and holds no code a record can store. */
export function hasNothingStored(tree: RegionTree, code: string): boolean {
  const children = tree[code];
  return children !== undefined && storedRegions(children).length === 0;
}

/** Codes that may be ancestors of `code` by the GB/T 2260 digits: 330106 → 330000, 330100. */
function ancestorCandidates(code: string): Set<string> {
  return new Set([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`]);
}

export interface ResolvedPath {
  /** Codes from the province down, as far as the loaded levels tell. */
  codes: string[];
  names: string[];
  /** The code is reached; otherwise `next` is the parent whose children must be loaded. */
  complete: boolean;
  next: string | null;
}

/**
 * The cascader path of a stored code, walking down the loaded levels. The digits only suggest
 * the ancestors: some districts hang directly under a province (济源市 419001 under 河南省), so
 * each step is checked against the real children rather than assumed.
 */
export function resolveRegionPath(code: string, tree: RegionTree): ResolvedPath {
  const candidates = ancestorCandidates(code);
  const codes: string[] = [];
  const names: string[] = [];
  let parent = REGION_ROOT;
  for (let step = 0; step < 3; step++) {
    const children = tree[parent];
    if (!children) return { codes, names, complete: false, next: parent };
    const hit = children.find((r) => r.code === code) ?? children.find((r) => candidates.has(r.code));
    if (!hit) break;
    codes.push(hit.code);
    names.push(hit.name);
    if (hit.code === code) return { codes, names, complete: true, next: null };
    parent = hit.code;
  }
  // An unknown code: nothing more to load.
  return { codes, names, complete: false, next: null };
}

/** Until its levels are loaded, a stored code is shown on the digits' path (the cascader needs one). */
export function guessedRegionPath(code: string): string[] {
  return [...new Set([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code])];
}
