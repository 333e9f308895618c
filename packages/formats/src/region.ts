import areas from 'china-area-data/data.json' with { type: 'json' };

/**
 * Administrative regions by their GB/T 2260 six-digit code (national statistics data, via
 * china-area-data): provinces under `86`, each level under its parent's code.
 */
type AreaTable = Record<string, Record<string, string>>;
const table = areas as AreaTable;

const nameOf = new Map<string, string>();
const parentOf = new Map<string, string>();
for (const [parent, children] of Object.entries(table)) {
  for (const [code, name] of Object.entries(children)) {
    nameOf.set(code, name);
    if (parent !== '86') parentOf.set(code, parent);
  }
}

export const REGION_ROOT = '86';

export function isRegionCode(code: string): boolean {
  return nameOf.has(code);
}

/** The regions directly under `parent` (`86` for the provinces), in code order. */
export function regionChildren(parent: string = REGION_ROOT): { code: string; name: string }[] {
  return Object.entries(table[parent] ?? {}).map(([code, name]) => ({ code, name }));
}

/** `330106` → ['浙江省', '杭州市', '西湖区']; an unknown code → []. */
export function regionPath(code: string): string[] {
  const names: string[] = [];
  for (let current: string | undefined = code; current && nameOf.has(current); current = parentOf.get(current)) {
    names.unshift(nameOf.get(current)!);
  }
  return names;
}
