import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { LayoutNode } from './form-layout';
import { useFormRuntime } from './form-runtime-context';
import type { FormStore } from './form-store';
import { fieldIdsOf, firstWithErrors, onlyRemoved } from './layout-errors';

function firstPageWithErrors(store: FormStore, ids: readonly string[][]): number {
  const { errors } = store.getState();
  return Math.max(
    0,
    ids.findIndex((list) => firstWithErrors(errors, list) !== null),
  );
}

/**
 * The page on show of tabs or steps, which mount only that page's fields. Pages holding fields
 * with messages are marked; when a save brings messages while the page on show has none, the
 * view turns to the first page that has some and scrolls its first such field into view (the
 * editor's own scroll cannot find a field that was not mounted).
 */
export function useErrorPages(pages: readonly LayoutNode[]) {
  const { store } = useFormRuntime();
  const ids = useMemo(() => pages.map(fieldIdsOf), [pages]);
  // A view mounted while messages are out (a tab inside a tab just turned to) opens on them.
  const [current, setCurrent] = useState(() => firstPageWithErrors(store, ids));
  const flags = useStore(store, (s) => ids.map((list) => (firstWithErrors(s.errors, list) === null ? '0' : '1')).join(''));
  const shown = useRef(current);
  const scrollTo = useRef<string | null>(null);

  useEffect(() => {
    shown.current = current;
    const id = scrollTo.current;
    scrollTo.current = null;
    if (id) window.document.getElementById(`record-form_${id}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [current]);

  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (state.errors === prev.errors || onlyRemoved(prev.errors, state.errors)) return;
        const firsts = ids.map((list) => firstWithErrors(state.errors, list));
        if (firsts[shown.current] !== null) return;
        const page = firsts.findIndex((id) => id !== null);
        if (page < 0) return;
        scrollTo.current = firsts[page] ?? null;
        setCurrent(page);
      }),
    [store, ids],
  );

  const marked = useMemo(() => [...flags].map((f) => f === '1'), [flags]);
  return { current: Math.min(current, Math.max(0, pages.length - 1)), setCurrent, marked };
}
