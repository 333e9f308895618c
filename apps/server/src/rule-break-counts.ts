import type { RuleBreak } from '@tessera/meta';
import { type AccessResolver, RecordError, type RecordService } from '@tessera/records';
import { encodeListFilters, LIST_FILTER_PARAM } from '@tessera/schemas';

export interface CountedRuleBreak extends Omit<RuleBreak, 'filter'> {
  /** Live rows the admin's list shows under the filter; null when they cannot be counted (an encrypted field and no key on this server). */
  count: number | null;
  /** The count is the planner's estimate, as the list labels it: past 100,000 rows an exact count would cost a full scan. */
  countIsEstimate: boolean;
  /** The runtime list filtered to exactly those rows. */
  list: string;
}

/**
 * Counts each rule break through the records API with the filter its link opens, as the admin
 * who asks: the number in the review is the number of rows the list shows, encrypted fields
 * included (the values are opened on the server, set-wise, as the list opens them).
 */
export async function countRuleBreaks(
  records: RecordService,
  appId: string,
  access: AccessResolver,
  breaks: readonly RuleBreak[],
): Promise<CountedRuleBreak[]> {
  return Promise.all(
    breaks.map(async ({ filter, ...rest }) => {
      const list = `/apps/${encodeURIComponent(appId)}/objects/${encodeURIComponent(rest.object)}?${LIST_FILTER_PARAM}=${encodeListFilters([filter])}`;
      try {
        const page = await records.list(appId, rest.object, access, { filters: [filter], count: true, limit: 1 });
        return { ...rest, count: page.total, countIsEstimate: page.totalIsEstimate, list };
      } catch (error) {
        if (error instanceof RecordError) return { ...rest, count: null, countIsEstimate: false, list };
        throw error;
      }
    }),
  );
}
