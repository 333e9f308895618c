import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { create } from 'zustand';
import { api } from '../api/client';
import { isAbort } from '../api/http';

interface CurrentAppState {
  appId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  version: number | null;
  document: AppDocument | null;
  error: unknown;
  /** Loads the live document of `appId` unless it is already the current one. */
  open: (appId: string) => void;
  reload: () => void;
}

let inFlight: AbortController | null = null;

/**
 * The app the user is in and its live (published) document: the menu, the object pages and the
 * record drawer all render from this one copy.
 */
export const useCurrentAppStore = create<CurrentAppState>((set, get) => {
  const load = (appId: string) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    set({ appId, status: 'loading', version: null, document: null, error: null });
    api.liveApp(appId, controller.signal).then(
      (live) => set({ status: 'ready', version: live.version, document: live.document }),
      (error: unknown) => {
        if (!isAbort(error)) set({ status: 'failed', error });
      },
    );
  };
  return {
    appId: null,
    status: 'idle',
    version: null,
    document: null,
    error: null,
    open: (appId) => {
      const { appId: current, status } = get();
      if (current !== appId || status === 'idle' || status === 'failed') load(appId);
    },
    reload: () => {
      const { appId } = get();
      if (appId) load(appId);
    },
  };
});

/** The object definition by id from the live document, or null while loading or when unknown. */
export function useObjectDefinition(objectId: string | null | undefined): ObjectDefinition | null {
  return useCurrentAppStore((s) => s.document?.objects.find((o) => o.id === objectId) ?? null);
}
