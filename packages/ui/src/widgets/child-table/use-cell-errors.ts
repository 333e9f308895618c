import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { FormRuntimeContext } from '../../form-runtime/form-runtime-context';
import type { FormStore } from '../../form-runtime/form-store';
import { cellErrorKey } from './cell-errors';

const noSubscription = () => () => undefined;

/**
 * The server's messages for one cell, from the form store (use-record-editor.ts puts them there
 * by the line's key). Outside the record drawer (no form runtime) a cell has none.
 */
export function useCellErrors(tableField: string, rowKey: string, childField: string): readonly string[] | undefined {
  const store = useContext(FormRuntimeContext)?.store ?? null;
  const key = cellErrorKey(tableField, rowKey, childField);
  const read = useCallback(() => store?.getState().errors[key], [store, key]);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, read);
}

/** A cell's messages were about the value being replaced: they go with the edit. */
export function clearCellErrors(store: FormStore | null, key: string): void {
  const errors = store?.getState().errors;
  if (!store || !errors || !(key in errors)) return;
  const { [key]: _edited, ...rest } = errors;
  store.getState().setErrors(rest);
}

/** The keys of the lines with messages in one table, as one sorted text: it changes only when marks come or go. */
function markedKeys(errors: Readonly<Record<string, unknown>>, tableField: string): string {
  const prefix = `${tableField}/`;
  const keys = new Set<string>();
  for (const key of Object.keys(errors)) if (key.startsWith(prefix)) keys.add(key.slice(prefix.length, key.lastIndexOf('/')));
  return [...keys].sort().join('\n');
}

/** The lines of a table that carry a server message: their rows are taller, and the first is scrolled to. */
export function useMarkedLines(store: FormStore | null, tableField: string): ReadonlySet<string> {
  const read = useCallback(() => (store ? markedKeys(store.getState().errors, tableField) : ''), [store, tableField]);
  const text = useSyncExternalStore(store?.subscribe ?? noSubscription, read);
  return useMemo(() => new Set(text ? text.split('\n') : []), [text]);
}
