import { api } from '../api/client';
import { useRemote } from '../api/use-remote';

/** The record's change log, newest first; `version` re-fetches it after a save. */
export function useRecordHistory(appId: string, objectId: string, recordId: string, version: number) {
  const history = useRemote(`${appId}/${objectId}/${recordId}@${version}`, async (signal) => {
    const entries = await api.recordHistory(appId, objectId, recordId, signal);
    return [...entries].sort((a, b) => b.version - a.version);
  });
  return history;
}
