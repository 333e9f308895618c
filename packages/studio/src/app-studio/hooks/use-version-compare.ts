import { type DocumentChange, diffDocuments } from '@tessera/meta/validate';
import { useEffect, useState } from 'react';
import { studioApi } from '../api/studio-api';

export type Comparison = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; changes: DocumentChange[] } | { status: 'failed'; error: unknown };

/** What changed from version `from` to version `to`, by the server's own diff function. */
export function useVersionCompare(appId: string | null, from: number | null, to: number | null): Comparison {
  const [comparison, setComparison] = useState<Comparison>({ status: 'idle' });
  useEffect(() => {
    if (!appId || from === null || to === null || from === to) {
      setComparison({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setComparison({ status: 'loading' });
    Promise.all([studioApi.version(appId, from, controller.signal), studioApi.version(appId, to, controller.signal)]).then(
      ([before, after]) => setComparison({ status: 'ready', changes: diffDocuments(before.document, after.document) }),
      (error: unknown) => {
        if (!controller.signal.aborted) setComparison({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [appId, from, to]);
  return comparison;
}
