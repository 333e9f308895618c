import { useRemote } from '@tessera/ui';
import { useEffect } from 'react';
import { studioApi } from '../api/studio-api';
import type { StudioStore } from '../model/studio-store';

/** Loads the app's draft with its revision into the studio store (again when the app changes). */
export function useDraftLoader(store: StudioStore, appId: string) {
  const remote = useRemote(appId, (signal) => studioApi.app(appId, signal));
  // Once per answer (the remote object itself is new on every render).
  const loaded = remote.data;
  useEffect(() => {
    if (!loaded) return;
    const { draft, draftRevision, liveVersion } = loaded;
    // A half-built draft may lack its lists: the designers start from empty ones.
    store.getState().load(appId, { ...draft, objects: Array.isArray(draft.objects) ? draft.objects : [] }, draftRevision, liveVersion);
  }, [store, appId, loaded]);
  return remote;
}
