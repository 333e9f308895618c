import type { ObjectDefinition } from '@tessera/schemas';
import { useEffect, useState } from 'react';
import { isAbort } from '../../api/http';
import type { ChildRows } from './child-row';
import { createLabelStore, idsToName, type LabelStore, loadLabels } from './relation-labels';

/** Waits for a pause in typing before naming newly picked records. */
const SETTLE_MS = 400;

/**
 * Names the records the lines' relation cells point to: all of them when the lines arrive, then
 * whatever a later edit added (a pick in one cell, a resumed draft), once the typing settles.
 * Rows are read through `read` and changes heard through `subscribe`, so this never re-renders
 * the grid; cells subscribe to the label store themselves.
 */
export function useLineLabels(
  appId: string,
  targets: ReadonlyMap<string, ObjectDefinition | null>,
  read: () => ChildRows,
  subscribe: (listener: () => void) => () => void,
): LabelStore {
  const [store] = useState(createLabelStore);
  useEffect(() => {
    const relations = [...targets].filter((entry): entry is [string, ObjectDefinition] => entry[1] !== null);
    if (relations.length === 0) return;
    const asked = new Set<string>();
    const controller = new AbortController();
    let timer: number | null = null;
    const name = () => {
      for (const [fieldId, target] of relations) {
        const ids = idsToName(read(), fieldId, asked);
        if (ids.length === 0) continue;
        ids.forEach((id) => asked.add(id));
        // A failed lookup leaves the bare ids; the cells still work.
        loadLabels(store, appId, target, ids, controller.signal).catch((error: unknown) => {
          if (!isAbort(error)) ids.forEach((id) => asked.delete(id));
        });
      }
    };
    name();
    const unsubscribe = subscribe(() => {
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(name, SETTLE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) window.clearTimeout(timer);
      controller.abort();
    };
  }, [appId, targets, read, subscribe, store]);
  return store;
}
