import { useCallback, useState } from 'react';
import { api } from '../api/client';
import type { BulkResult, RecordValues } from '../api/types';
import { inBatches } from './bulk-result';

export interface BulkReport {
  kind: 'update' | 'delete';
  result: BulkResult;
}

/** Records skipped because they no longer exist for this user (deleted meanwhile, or out of their reach). */
function goneIds(result: BulkResult): string[] {
  return result.skipped.filter((s) => s.code === 'record.not_found').map((s) => s.id);
}

interface BulkEffects {
  /** Re-read the changed records under the list's filters. */
  onUpdated: (done: string[]) => Promise<void>;
  onDeleted: (done: string[]) => void;
}

/**
 * Bulk edit and bulk delete of the selected records, in batches the server accepts, each
 * record through the same checks as a single edit. What was done and what was skipped (and
 * why) becomes a report for the user.
 */
export function useBulkActions(appId: string, objectId: string, effects: BulkEffects) {
  const [report, setReport] = useState<BulkReport | null>(null);
  const { onUpdated, onDeleted } = effects;

  const update = useCallback(async (ids: readonly string[], values: RecordValues) => {
    const result = await inBatches(ids, (batch) => api.bulkUpdate(appId, objectId, batch, values));
    setReport({ kind: 'update', result });
    // Re-reading a record found gone drops it from the list too.
    await onUpdated([...result.done, ...goneIds(result)]);
  }, [appId, objectId, onUpdated]);

  const remove = useCallback(async (ids: readonly string[]) => {
    const result = await inBatches(ids, (batch) => api.bulkDelete(appId, objectId, batch));
    onDeleted([...result.done, ...goneIds(result)]);
    setReport({ kind: 'delete', result });
  }, [appId, objectId, onDeleted]);

  return { report, closeReport: useCallback(() => setReport(null), []), update, remove };
}
