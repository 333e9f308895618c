import { ApiError } from '@tessera/ui';
import { studioApi } from '../api/studio-api';
import type { StudioStore } from '../model/studio-store';

/**
 * Sends the draft on screen if it differs from the saved one, naming the revision it started
 * from. A 409 means another admin saved first: the store turns to `conflict` with their revision
 * and nothing is overwritten until the admin chooses. True when the server holds what is on screen.
 */
export async function saveDraftNow(store: StudioStore): Promise<boolean> {
  const { appId, document, savedDocument, revision, save } = store.getState();
  if (!appId || !document || save.status === 'conflict') return false;
  if (document === savedDocument) return true;
  store.getState().savingStarted();
  try {
    const saved = await studioApi.saveDraft(appId, document, revision);
    store.getState().saved(document, saved.draftRevision);
    return store.getState().document === document;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const current = await studioApi.app(appId).catch(() => null);
      store.getState().conflicted(current?.draftRevision ?? revision + 1, current?.draft ?? null);
    } else store.getState().saveFailed(error);
    return false;
  }
}

/** Reloads the draft the server holds, dropping what is on screen (after a conflict, a rollback). */
export async function reloadDraft(store: StudioStore): Promise<void> {
  const appId = store.getState().appId;
  if (!appId) return;
  const app = await studioApi.app(appId);
  store.getState().load(appId, app.draft, app.draftRevision, app.liveVersion);
}

/** After a conflict: save what is on screen over the other admin's revision, because the admin said so. */
export async function overwriteDraft(store: StudioStore): Promise<void> {
  const appId = store.getState().appId;
  if (!appId) return;
  const app = await studioApi.app(appId);
  store.getState().overwriteFrom(app.draftRevision);
  await saveDraftNow(store);
}
