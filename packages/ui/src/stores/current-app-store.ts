import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { create } from 'zustand';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import type { LiveApp, ObjectAccess } from '../api/types';

interface CurrentAppState {
  appId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  version: number | null;
  document: AppDocument | null;
  /** What the signed-in user may do per object, from the same answer as the document. */
  access: LiveApp['access'];
  /** Formula fields computed on every read (rollups), per object: shown, never filtered or sorted. */
  rollups: LiveApp['rollups'];
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
    set({ appId, status: 'loading', version: null, document: null, access: {}, rollups: {}, error: null });
    api.liveApp(appId, controller.signal).then(
      (live) => set({ status: 'ready', version: live.version, document: live.document, access: live.access ?? {}, rollups: live.rollups ?? {} }),
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
    access: {},
    rollups: {},
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

const NO_ACCESS: ObjectAccess = { actions: [], hiddenFields: [], readOnlyFields: [] };
const NO_ROLLUPS: readonly string[] = [];

/** What the user may do with one object; nothing until the live app has answered. */
export function useObjectAccess(objectId: string): ObjectAccess {
  return useCurrentAppStore((s) => s.access[objectId] ?? NO_ACCESS);
}

/** Formula fields of the object computed on every read (rollups): never filtered or sorted. */
export function useRollupFields(objectId: string): readonly string[] {
  return useCurrentAppStore((s) => s.rollups[objectId] ?? NO_ROLLUPS);
}
