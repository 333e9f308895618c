import type { BulkResult } from '../api/types';
import type { MessageKey } from '../i18n/messages';

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
