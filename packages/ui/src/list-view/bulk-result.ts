import type { BulkResult } from '../api/types';
import type { MessageKey } from '../i18n/messages';

/** The server takes at most this many ids per bulk request (BULK_LIMIT in packages/records). */
export const BULK_BATCH = 500;

export function batches<T>(items: readonly T[], size = BULK_BATCH): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * Runs a bulk action batch by batch and adds up what each did. Batches run one after another:
 * the server already works record by record, and a second batch at once would only queue.
 */
export async function inBatches(ids: readonly string[], run: (batch: string[]) => Promise<BulkResult>): Promise<BulkResult> {
  const total: BulkResult = { done: [], skipped: [] };
  for (const batch of batches(ids)) {
    const result = await run(batch);
    total.done.push(...result.done);
    total.skipped.push(...result.skipped);
  }
  return total;
}

/** Why records were skipped, in words the user reads; an unknown code still says it was refused. */
const REASONS: Record<string, MessageKey> = {
  'record.forbidden': 'listView.skip.forbidden',
  'record.not_found': 'listView.skip.notFound',
  'record.version_conflict': 'listView.skip.conflict',
  'record.invalid': 'listView.skip.invalid',
};

export interface SkipReason {
  code: string;
  message: MessageKey;
  count: number;
}

/** Skipped records grouped by reason, the most frequent first. */
export function skipReasons(result: BulkResult): SkipReason[] {
  const counts = new Map<string, number>();
  for (const { code } of result.skipped) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts.entries()]
    .map(([code, count]) => ({ code, count, message: REASONS[code] ?? 'listView.skip.other' }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
