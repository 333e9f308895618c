import { useRemote } from '@tessera/ui';
import { useCallback, useState } from 'react';
import { appAdminApi } from '../api/app-api';

/** The impact of deleting `appId`, loaded when the dialog opens, and the deletion itself. */
export function useAppDeletion(appId: string, onDeleted: (appId: string) => void) {
  const impact = useRemote(`deletion-impact:${appId}`, (signal) => appAdminApi.deletionImpact(appId, signal));
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = useCallback(async () => {
    setDeleting(true);
    setError(null);
    try {
      await appAdminApi.remove(appId);
      onDeleted(appId);
    } catch (failure) {
      setError(failure);
    } finally {
      setDeleting(false);
    }
  }, [appId, onDeleted]);
  return { impact, deleting, error, remove };
}
