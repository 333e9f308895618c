import { useEffect, useState } from 'react';
import { resolveRegionPath } from '../widgets/region-path';
import { type Region, widgetApi } from '../widgets/widget-api';

/** Region levels read so far, by parent code: every chip and picker label of the session shares them. */
const levels = new Map<string, Promise<readonly Region[]>>();
/** Labels already made, so a chip shown again (another view, a re-render) shows its place at once. */
const known = new Map<string, string>();

function level(parent: string): Promise<readonly Region[]> {
  let pending = levels.get(parent);
  if (!pending) {
    pending = widgetApi.regions(parent);
    // A failed read is asked again next time rather than remembered.
    pending.catch(() => levels.delete(parent));
    levels.set(parent, pending);
  }
  return pending;
}

/**
 * The names of a code's levels from the province down (440300 → 广东省, 深圳市), read one level
 * at a time as the region cascader does; [] for a code the region table does not have.
 */
export async function regionNames(code: string): Promise<string[]> {
  const tree: Record<string, readonly Region[]> = {};
  // Three levels at most: each round loads the level the path stopped at.
  for (let round = 0; round < 4; round++) {
    const path = resolveRegionPath(code, tree);
    if (path.complete) return path.names;
    if (!path.next) return [];
    tree[path.next] = await level(path.next);
  }
  return [];
}

/**
 * "广东省 / 深圳市" for a region named in a filter, which holds only the code; null until read (the
 * caller shows the code meanwhile, and keeps it for a code the table does not know).
 */
export function useRegionLabel(code: string | null): string | null {
  const [loaded, setLoaded] = useState<{ code: string; label: string } | null>(null);
  useEffect(() => {
    if (!code || known.has(code)) return;
    let current = true;
    regionNames(code).then(
      (names) => {
        if (names.length === 0) return;
        known.set(code, names.join(' / '));
        if (current) setLoaded({ code, label: names.join(' / ') });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [code]);
  if (!code) return null;
  return known.get(code) ?? (loaded?.code === code ? loaded.label : null);
}
