import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import type { RecordData, RecordQuery } from '../api/types';
import type { RelatedListSpec } from './related-lists';

const PAGE_SIZE = 10;

interface ListState {
  status: 'loading' | 'ready' | 'failed';
  items: RecordData[];
  total: number | null;
  nextCursor: string | null;
  loadingMore: boolean;
  error: unknown;
}

const initial: ListState = { status: 'loading', items: [], total: null, nextCursor: null, loadingMore: false, error: null };

/**
 * The records of one related list (a customer's visits): `via eq recordId`, newest first, ten at
 * a time with "more" following the server's keyset cursor. `revision` re-reads the first page
 * after a record was added from the page.
 */
export function useRelatedList(appId: string, list: RelatedListSpec, recordId: string, revision: number) {
  const [state, setState] = useState<ListState>(initial);
  const [attempt, setAttempt] = useState(0);
  const more = useRef<AbortController | null>(null);
  const targetId = list.target.id;
  const viaId = list.via.id;

  const query = useCallback(
    (cursor?: string): RecordQuery => ({
      filters: [{ field: viaId, op: 'eq', value: recordId }],
      sort: [{ field: 'created_at', direction: 'desc' }],
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : { count: true }),
    }),
    [viaId, recordId],
  );

  useEffect(() => {
    more.current?.abort();
    const controller = new AbortController();
    setState((s) => ({ ...s, status: s.status === 'ready' ? 'ready' : 'loading', error: null }));
    api.queryRecords(appId, targetId, query(), controller.signal).then(
      (page) => setState({ ...initial, status: 'ready', items: page.items, total: page.total, nextCursor: page.nextCursor }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ ...initial, status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [appId, targetId, query, revision, attempt]);

  useEffect(() => () => more.current?.abort(), []);

  const loadMore = useCallback(() => {
    if (!state.nextCursor || state.loadingMore) return;
    const controller = new AbortController();
    more.current = controller;
    setState((s) => ({ ...s, loadingMore: true }));
    api.queryRecords(appId, targetId, query(state.nextCursor), controller.signal).then(
      (page) => setState((s) => ({ ...s, loadingMore: false, items: [...s.items, ...page.items], nextCursor: page.nextCursor })),
      (error: unknown) => {
        if (!isAbort(error)) setState((s) => ({ ...s, loadingMore: false, error }));
      },
    );
  }, [appId, targetId, query, state.nextCursor, state.loadingMore]);

  return { ...state, loadMore, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
