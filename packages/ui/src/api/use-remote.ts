import { useCallback, useEffect, useState } from 'react';
import { isAbort } from './http';

export type Remote<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'failed'; data: null; error: unknown };

/**
 * Loads something when `key` changes and cancels the stale request, so a fast click through
 * the menu never shows the previous page's answer. `reload` repeats the same request.
 */
export function useRemote<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Remote<T> & { reload: () => void } {
  const [state, setState] = useState<Remote<T>>({ status: 'loading', data: null, error: null });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a fresh closure every render; `key` names what it loads
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState({ status: 'loading', data: null, error: null });
    load(controller.signal).then(
      (data) => setState({ status: 'ready', data, error: null }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', data: null, error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
