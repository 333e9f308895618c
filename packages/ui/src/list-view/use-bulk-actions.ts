import { useCallback, useState } from 'react';
import { api } from '../api/client';
import type { BulkResult, RecordValues } from '../api/types';

export interface BulkReport {
  kind: 'update' | 'delete';
  result: BulkResult;
}

/**
 * The records to look at again after a bulk action: the changed ones, and those skipped because
 * they no longer exist for this user (deleted meanwhile, or out of their reach), which then leave
 * the list.
 */
function touchedIds(ids: readonly string[], result: BulkResult): string[] {
  const refused = new Set(result.skipped.filter((s) => s.code !== 'record.not_found').map((s) => s.id));
  return ids.filter((id) => !refused.has(id));
}

interface BulkEffects {
  /** Re-read the changed records under the list's filters. */
  onUpdated: (done: string[]) => Promise<void>;
  onDeleted: (done: string[]) => void;
}

/**
 * Bulk edit and bulk delete of the selected records: one request, which the server applies in
 * one transaction with the same checks as a single edit. What was done and what was skipped
 * (and why) becomes a report for the user.
 */
export function useBulkActions(appId: string, objectId: string, effects: BulkEffects) {
  const [report, setReport] = useState<BulkReport | null>(null);
  const { onUpdated, onDeleted } = effects;

  const update = useCallback(
    async (ids: readonly string[], values: RecordValues) => {
      const result = await api.bulkUpdate(appId, objectId, [...ids], values);
      setReport({ kind: 'update', result });
      // Re-reading a record found gone drops it from the list too.
      await onUpdated(touchedIds(ids, result));
    },
    [appId, objectId, onUpdated],
  );

  const remove = useCallback(
    async (ids: readonly string[]) => {
      const result = await api.bulkDelete(appId, objectId, [...ids]);
      onDeleted(touchedIds(ids, result));
      setReport({ kind: 'delete', result });
    },
    [appId, objectId, onDeleted],
  );

  return { report, closeReport: useCallback(() => setReport(null), []), update, remove };
}
