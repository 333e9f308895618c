import type { FieldDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  guessedRegionPath,
  REGION_ROOT,
  type RegionOption,
  type RegionTree,
  regionDepth,
  regionOptions,
  resolveRegionPath,
  storedRegions,
} from './region-path';
import { widgetApi } from './widget-api';

/**
 * Lazy GB/T 2260 levels for a region cascader: the provinces on first open, then one level per
 * click, so the 3,000-odd districts are never sent at once. An existing value shows the record's
 * `_display` text until its levels have been loaded.
 *
 * Whether a region has anything storable under it is known only once its level is loaded, so a
 * click on 东莞市 opens it like any city; `onOpenedLeaf` then gets the path the user opened last
 * when that level turns out to hold nothing storable, and may pick it (the click meant it).
 */
export function useRegionCascader(field: FieldDefinition, value: string | null, currentLabel: string | undefined, onOpenedLeaf?: (path: string[]) => void) {
  const [tree, setTree] = useState<RegionTree>({});
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [opened, setOpened] = useState(false);
  const depth = regionDepth(field.regionLevel);
  // The path of the last region the user opened in the menu, while the menu is open.
  const openedPath = useRef<string[] | null>(null);
  const openedLeaf = useRef(onOpenedLeaf);
  useLayoutEffect(() => {
    openedLeaf.current = onOpenedLeaf;
  });

  const load = useCallback((parent: string) => {
    setLoading((s) => new Set(s).add(parent));
    widgetApi
      .regions(parent)
      .then(
        (regions) => {
          setTree((t) => ({ ...t, [parent]: regions }));
          const path = openedPath.current;
          if (path?.at(-1) === parent && storedRegions(regions).length === 0) {
            openedPath.current = null;
            openedLeaf.current?.(path);
          }
        },
        // Left unloaded: the next open or click asks again.
        () => undefined,
      )
      .finally(() =>
        setLoading((s) => {
          const next = new Set(s);
          next.delete(parent);
          return next;
        }),
      );
  }, []);

  const resolved = useMemo(() => (value ? resolveRegionPath(value, tree) : null), [value, tree]);

  // Once opened, load the levels down to the current value so the menu shows it selected.
  const next = resolved?.next ?? null;
  useEffect(() => {
    if (!opened) return;
    const parent = next ?? REGION_ROOT;
    if (!tree[parent] && !loading.has(parent)) load(parent);
  }, [opened, next, tree, loading, load]);

  const options = useMemo<RegionOption[]>(() => regionOptions(tree, depth, loading), [tree, depth, loading]);
  // The same path keeps the same array: antd's menu jumps back to the value's path whenever its
  // `value` changes identity, so a level loaded while the user browses elsewhere must not renew it.
  const pathKey = (value ? (resolved?.complete ? resolved.codes : guessedRegionPath(value)) : []).join(',');
  const path = useMemo(() => (pathKey ? pathKey.split(',') : []), [pathKey]);
  const display = resolved?.complete ? resolved.names.join(' ') : (currentLabel ?? value ?? '');

  return {
    options,
    path,
    display,
    onOpen: useCallback((open: boolean) => {
      if (open) setOpened(true);
      else openedPath.current = null;
    }, []),
    // antd calls this for every branch the user opens, loaded or not: the last one is the one that counts.
    loadData: useCallback(
      (selected: RegionOption[]) => {
        const last = selected[selected.length - 1];
        if (!last) return;
        openedPath.current = selected.map((option) => option.value);
        if (!tree[last.value] && !loading.has(last.value)) load(last.value);
      },
      [tree, loading, load],
    ),
  };
}
