import type { FieldDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  guessedRegionPath, regionDepth, regionOptions, resolveRegionPath, REGION_ROOT, type RegionOption, type RegionTree,
} from './region-path';
import { widgetApi } from './widget-api';

/**
 * Lazy GB/T 2260 levels for a region cascader: the provinces on first open, then one level per
 * click, so the 3,000-odd districts are never sent at once. An existing value shows the record's
 * `_display` text until its levels have been loaded.
 */
export function useRegionCascader(field: FieldDefinition, value: string | null, currentLabel: string | undefined) {
  const [tree, setTree] = useState<RegionTree>({});
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [opened, setOpened] = useState(false);
  const depth = regionDepth(field.regionLevel);

  const load = useCallback((parent: string) => {
    setLoading((s) => new Set(s).add(parent));
    widgetApi.regions(parent).then(
      (regions) => setTree((t) => ({ ...t, [parent]: regions })),
      // Left unloaded: the next open or click asks again.
      () => undefined,
    ).finally(() => setLoading((s) => {
      const next = new Set(s);
      next.delete(parent);
      return next;
    }));
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
  const path = value ? (resolved?.complete ? resolved.codes : guessedRegionPath(value)) : [];
  const display = resolved?.complete ? resolved.names.join(' ') : (currentLabel ?? value ?? '');

  return {
    options,
    path,
    display,
    onOpen: useCallback((open: boolean) => {
      if (open) setOpened(true);
    }, []),
    loadData: useCallback((selected: RegionOption[]) => {
      const last = selected[selected.length - 1];
      if (last && !tree[last.value]) load(last.value);
    }, [tree, load]),
  };
}
