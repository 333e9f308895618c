import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../api/http';
import type { InboxBox } from '../stores/route-store';
import { approvalsApi, type InboxItem } from './approvals-api';

const PAGE = 50;

/** One inbox box, newest first, a page at a time ("load more" appends the next). */
export function useInboxBox(box: InboxBox) {
  const [items, setItems] = useState<InboxItem[]>([]);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState(false);
  const [page, setPage] = useState({ offset: 0, attempt: 0 });

  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    approvalsApi.inbox(box, page.offset, PAGE, controller.signal).then(
      (loaded) => {
        setItems((current) => (page.offset === 0 ? loaded : [...current, ...loaded]));
        setMore(loaded.length === PAGE);
        setStatus('ready');
      },
      (failure: unknown) => {
        if (isAbort(failure)) return;
        setError(failure);
        setStatus('failed');
      },
    );
    return () => controller.abort();
  }, [box, page]);

  return {
    items,
    status,
    error,
    more,
    loadMore: useCallback(() => setPage((p) => ({ offset: p.offset + PAGE, attempt: p.attempt })), []),
    reload: useCallback(() => setPage((p) => ({ offset: 0, attempt: p.attempt + 1 })), []),
  };
}
