import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { StudioStore } from '../model/studio-store';
import { saveDraftNow } from './save-draft';

/** How long the admin pauses before the draft is saved: a burst of edits is one request. */
export const AUTOSAVE_DELAY_MS = 700;

/**
 * Saves the draft a moment after each change. Stops on a conflict (the admin decides) and after
 * a failure until the next edit or a retry, so a server that is down is not asked in a loop.
 */
export function useAutosave(store: StudioStore): void {
  const document = useStore(store, (s) => s.document);
  const savedDocument = useStore(store, (s) => s.savedDocument);
  const status = useStore(store, (s) => s.save.status);
  const failedOn = useRef<unknown>(null);

  useEffect(() => {
    if (!document || document === savedDocument || status === 'saving' || status === 'conflict') return;
    if (status === 'failed' && failedOn.current === document) return;
    const timer = setTimeout(() => {
      void saveDraftNow(store).then((ok) => {
        if (!ok && store.getState().save.status === 'failed') failedOn.current = document;
      });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [store, document, savedDocument, status]);

  // Leaving with unsaved changes: the browser asks before the edits are lost.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const state = store.getState();
      if (state.document !== state.savedDocument) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [store]);
}
