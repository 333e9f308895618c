import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import type { RecordData, RecordFilter, RecordQuery, RecordSort } from '../api/types';
import { defaultSort, searchField } from './list-columns';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

interface ListState {
  status: 'loading' | 'ready' | 'failed';
  items: RecordData[];
  total: number | null;
  totalIsEstimate: boolean;
  nextCursor: string | null;
  loadingMore: boolean;
  error: unknown;
}

const initial: ListState = {
  status: 'loading', items: [], total: null, totalIsEstimate: false, nextCursor: null, loadingMore: false, error: null,
};

/**
 * One object's records as the table shows them: server-side sort, a quick `contains` search,
 * keyset paging ("load more" follows `nextCursor`, never an offset that slows down deep in a
 * big table). Changing sort or search starts again from the first page.
 */
export function useRecordList(appId: string, object: ObjectDefinition) {
  const [sort, setSort] = useState<RecordSort[]>(() => defaultSort(object));
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [state, setState] = useState<ListState>(initial);
  const [attempt, setAttempt] = useState(0);
  const pageRequest = useRef<AbortController | null>(null);
  const field = useMemo(() => searchField(object), [object]);

  // Typing fires one query after a pause, not one per key stroke.
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const baseQuery = useMemo((): RecordQuery => {
    const filters: RecordFilter[] = field && search ? [{ field: field.id, op: 'contains', value: search }] : [];
    return { filters, sort, limit: PAGE_SIZE };
  }, [field, search, sort]);

  useEffect(() => {
    pageRequest.current?.abort();
    const controller = new AbortController();
    pageRequest.current = controller;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    api.queryRecords(appId, object.id, { ...baseQuery, count: true }, controller.signal).then(
      (page) => setState({ ...initial, status: 'ready', ...page }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ ...initial, status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [appId, object.id, baseQuery, attempt]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const controller = new AbortController();
    pageRequest.current = controller;
    setState((s) => ({ ...s, loadingMore: true }));
    api.queryRecords(appId, object.id, { ...baseQuery, cursor }, controller.signal).then(
      (page) => setState((s) => ({ ...s, loadingMore: false, items: [...s.items, ...page.items], nextCursor: page.nextCursor })),
      (error: unknown) => {
        if (!isAbort(error)) setState((s) => ({ ...s, loadingMore: false, error }));
      },
    );
  }, [appId, object.id, baseQuery, state.nextCursor, state.loadingMore]);

  /** A saved record shows at once, where it is or (when new) on top, without losing the pages loaded. */
  const upsert = useCallback((record: RecordData) => {
    setState((s) => {
      const index = s.items.findIndex((r) => r.id === record.id);
      if (index >= 0) return { ...s, items: s.items.map((r) => (r.id === record.id ? record : r)) };
      return { ...s, items: [record, ...s.items], total: s.total === null ? null : s.total + 1 };
    });
  }, []);

  const remove = useCallback((id: string) => {
    setState((s) => ({
      ...s,
      items: s.items.filter((r) => r.id !== id),
      total: s.total === null ? null : Math.max(0, s.total - 1),
    }));
  }, []);

  return {
    ...state,
    sort,
    setSort: (next: RecordSort[]) => setSort(next.length > 0 ? next : defaultSort(object)),
    searchField: field,
    searchText,
    setSearchText,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    loadMore,
    upsert,
    remove,
  };
}
