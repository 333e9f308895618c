import { useCallback, useState } from 'react';
import { type DocumentChange, type PlanStep, type RuleBreak, studioApi, type TypeChange } from '../api/studio-api';
import { useStudioT } from '../i18n/use-studio-t';
import { saveDraftNow } from './save-draft';
import { useStudioStore } from './studio-context';

export type Review =
  | { status: 'closed' }
  | { status: 'loading' }
  | { status: 'ready'; changes: DocumentChange[]; plan: PlanStep[]; ruleBreaks: RuleBreak[]; typeChanges: TypeChange[] }
  | { status: 'failed'; error: unknown };

/**
 * The publish review: save what is on screen, ask the server what publishing it would change
 * (its diff and DDL plan), then publish exactly the revision reviewed — a draft saved by someone
 * else meanwhile is refused by the server (409), never published unseen.
 */
export function usePublishReview(onPublished: (version: number) => void) {
  const t = useStudioT();
  const store = useStudioStore();
  const [review, setReview] = useState<Review>({ status: 'closed' });
  const [publishing, setPublishing] = useState(false);

  const open = useCallback(async () => {
    setReview({ status: 'loading' });
    try {
      // Edits typed while a save was on its way need one more save; a conflict or failure ends it.
      let saved = await saveDraftNow(store);
      for (let again = 0; !saved && again < 3 && store.getState().save.status === 'saved'; again += 1) saved = await saveDraftNow(store);
      const { save } = store.getState();
      if (!saved) throw save.status === 'failed' ? save.error : new Error(t('studio.conflictTitle'));
      const appId = store.getState().appId as string;
      const { changes, plan, ruleBreaks, typeChanges } = await studioApi.diff(appId).catch((error: unknown) => {
        // An invalid draft has no diff (the server refuses to plan it); the dialog lists its problems instead.
        if (error instanceof Error && 'status' in error && error.status === 422) return { changes: [], plan: [], ruleBreaks: [], typeChanges: [] };
        throw error;
      });
      setReview({ status: 'ready', changes, plan, ruleBreaks, typeChanges });
    } catch (error) {
      setReview({ status: 'failed', error });
    }
  }, [store, t]);

  const publish = useCallback(
    async (comment: string) => {
      const { appId, revision } = store.getState();
      if (!appId) return;
      setPublishing(true);
      try {
        const { version } = await studioApi.publish(appId, revision, comment.trim());
        store.getState().published(version);
        setReview({ status: 'closed' });
        onPublished(version);
      } catch (error) {
        setReview({ status: 'failed', error });
      } finally {
        setPublishing(false);
      }
    },
    [store, onPublished],
  );

  return { review, publishing, open, publish, close: () => setReview({ status: 'closed' }) };
}
