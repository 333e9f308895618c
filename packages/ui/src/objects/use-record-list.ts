import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import type { RecordData, RecordFilter, RecordQuery, RecordSort } from '../api/types';
import { queryFilters } from '../list-view/filter-condition';
import { useSearchQuery } from '../list-view/use-search-text';

/** The most records one list query returns (the records API's `limit` maximum). */
const QUERY_PAGE_LIMIT = 500;

const PAGE_SIZE = 50;

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
  status: 'loading',
  items: [],
  total: null,
  totalIsEstimate: false,
  nextCursor: null,
  loadingMore: false,
  error: null,
};

/** What the list shows: the view's conditions and order; null while the view is not known yet (saved views loading). */
export interface ListRequest {
  filters: RecordFilter[];
  sort: RecordSort[];
}

/**
 * One object's records as the table shows them: the view's filters and sort applied by the
 * server, a quick `contains` search on top, keyset paging ("load more" follows `nextCursor`,
 * never an offset that slows down deep in a big table). Changing any of them starts again
 * from the first page.
 */
export function useRecordList(appId: string, object: ObjectDefinition, view: ListRequest | null, searchFieldId: string | null, searchText: string) {
  const search = useSearchQuery(searchText);
  const [state, setState] = useState<ListState>(initial);
  const [attempt, setAttempt] = useState(0);
  const pageRequest = useRef<AbortController | null>(null);

  const baseQuery = useMemo(
    (): RecordQuery | null =>
      view && {
        filters: queryFilters(view.filters, searchFieldId, search),
        sort: view.sort,
        limit: PAGE_SIZE,
      },
    [view, searchFieldId, search],
  );

  useEffect(() => {
    pageRequest.current?.abort();
    setState((s) => ({ ...s, status: 'loading', error: null, total: null, totalIsEstimate: false }));
    if (!baseQuery) return;
    const controller = new AbortController();
    pageRequest.current = controller;
    // Rows and total are two requests: counting a large filtered set can take longer than the page.
    api.queryRecords(appId, object.id, { ...baseQuery, count: false }, controller.signal).then(
      (page) =>
        setState((s) => ({ ...initial, status: 'ready', items: page.items, nextCursor: page.nextCursor, total: s.total, totalIsEstimate: s.totalIsEstimate })),
      (error: unknown) => {
        if (!isAbort(error)) setState({ ...initial, status: 'failed', error });
      },
    );
    api.countRecords(appId, object.id, { filters: baseQuery.filters }, controller.signal).then(
      (counted) => setState((s) => ({ ...s, ...counted })),
      // Without a total the list still works; the rows' own request reports what went wrong.
      () => undefined,
    );
    return () => controller.abort();
  }, [appId, object.id, baseQuery, attempt]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore || !baseQuery) return;
    const controller = new AbortController();
    pageRequest.current = controller;
    setState((s) => ({ ...s, loadingMore: true }));
    api.queryRecords(appId, object.id, { ...baseQuery, cursor, count: false }, controller.signal).then(
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

  const removeMany = useCallback((ids: readonly string[]) => {
    const gone = new Set(ids);
    setState((s) => {
      const items = s.items.filter((r) => !gone.has(r.id));
      const removed = s.items.length - items.length;
      return { ...s, items, total: s.total === null ? null : Math.max(0, s.total - removed) };
    });
  }, []);

  const remove = useCallback((id: string) => removeMany([id]), [removeMany]);

  /**
   * Records changed elsewhere (a bulk edit) read again under the list's own filters: those that
   * still match are replaced in place, those that no longer do leave the list. Pages loaded and
   * the scroll position stay.
   */
  const refreshMany = useCallback(
    async (ids: readonly string[]) => {
      if (!baseQuery || ids.length === 0) return;
      const byId = new Map<string, RecordData>();
      // A list query answers at most QUERY_PAGE_LIMIT records, so ids go in runs of that many.
      for (let start = 0; start < ids.length; start += QUERY_PAGE_LIMIT) {
        const batch = ids.slice(start, start + QUERY_PAGE_LIMIT);
        const fresh = await api.queryRecords(appId, object.id, {
          filters: [...(baseQuery.filters ?? []), { field: 'id', op: 'in', value: batch }],
          sort: baseQuery.sort,
          limit: batch.length,
          count: false,
        });
        for (const record of fresh.items) byId.set(record.id, record);
      }
      const asked = new Set(ids);
      setState((s) => {
        const items = s.items.flatMap((r) => (asked.has(r.id) ? (byId.has(r.id) ? [byId.get(r.id)!] : []) : [r]));
        const left = s.items.length - items.length;
        return { ...s, items, total: s.total === null ? null : Math.max(0, s.total - left) };
      });
    },
    [appId, object.id, baseQuery],
  );

  return {
    ...state,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    loadMore,
    upsert,
    remove,
    removeMany,
    refreshMany,
  };
}
