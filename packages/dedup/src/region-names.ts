import { REGION_ROOT, regionChildren } from '@tessera/formats';

/**
 * Province and prefecture names as they open or sit in brackets inside company names:
 * "北京市…", "广东省深圳市…", "…(上海)有限公司". Each spelling (with its 省/市/自治区 or without)
 * maps to the region's GB/T 2260 code, so two names can be told apart by where they are
 * registered. Districts are only stripped when written with their suffix (南山区): their bare
 * names are too often brands, and they repeat across cities.
 */
const ADMIN_SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '地区', '省', '市', '盟'];
/** Placeholders in the national table that are no place anyone writes in a name. */
const NOT_A_NAME = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function shortName(name: string): string {
  for (const suffix of ADMIN_SUFFIXES) if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  return name;
}

function buildTables() {
  const byName = new Map<string, string>();
  const suffixed = new Set<string>();
  const add = (name: string, code: string) => {
    if (!byName.has(name)) byName.set(name, code);
  };
  for (const province of regionChildren(REGION_ROOT)) {
    add(province.name, province.code);
    add(shortName(province.name), province.code);
    for (const city of regionChildren(province.code)) {
      if (NOT_A_NAME.has(city.name)) continue;
      add(city.name, city.code);
      add(shortName(city.name), city.code);
      for (const district of regionChildren(city.code)) if (!NOT_A_NAME.has(district.name) && district.name.length >= 3) suffixed.add(district.name);
    }
  }
  add('中国', REGION_ROOT);
  add('china', REGION_ROOT);
  return { byName, suffixed };
}

const tables = buildTables();
/** Names by their first character, longest first: a name is matched against a handful, not thousands. */
const byFirstChar = new Map<string, string[]>();
for (const name of [...tables.byName.keys(), ...tables.suffixed].sort((a, b) => b.length - a.length)) {
  const list = byFirstChar.get(name[0]!) ?? [];
  list.push(name);
  byFirstChar.set(name[0]!, list);
}

/** The region code a whole bracketed text names ("北京", "上海市", "中国"), or null. */
export function regionNamed(text: string): string | null {
  return tables.byName.get(text) ?? (tables.suffixed.has(text) ? REGION_ROOT : null);
}

/** The region name `text` opens with and its code (the root for a district), or null. */
export function leadingRegion(text: string): { name: string; code: string } | null {
  for (const name of byFirstChar.get(text[0] ?? '') ?? []) {
    if (text.startsWith(name)) return { name, code: tables.byName.get(name) ?? REGION_ROOT };
  }
  return null;
}
