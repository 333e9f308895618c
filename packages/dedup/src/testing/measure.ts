import type { MatchRule } from '@tessera/schemas';
import { findDuplicatePairs, groupPairs } from '../duplicate-groups';
import { prepareSubject } from '../match-rules';
import type { GeneratedDataset } from './company-generator';

export interface DedupFigures {
  records: number;
  truePairs: number;
  foundPairs: number;
  truePositives: number;
  /** Hard negatives (same brand or switchboard, another company) the rules called duplicates. */
  hardNegativesMatched: number;
  hardNegatives: number;
  precision: number;
  recall: number;
}

/**
 * Runs the rules over a generated data set as the scan does (blocking, then pairs joined into
 * groups) and scores every pair of records put in one group against the truth: a company entered
 * three times, once with its phone and once with its e-mail, is one group though its two copies
 * share nothing.
 */
export function measureDedup(rules: readonly MatchRule[], data: GeneratedDataset): DedupFigures {
  const subjects = data.records.map((r) => prepareSubject(rules, r.id, r.values));
  const found = groupPairs(findDuplicatePairs(rules, subjects)).flatMap((group) => {
    const ids = [...group.ids].sort();
    return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => `${a}\u0000${b}`));
  });
  const truePositives = found.filter((p) => data.duplicatePairs.has(p)).length;
  return {
    records: data.records.length,
    truePairs: data.duplicatePairs.size,
    foundPairs: found.length,
    truePositives,
    hardNegativesMatched: found.filter((p) => data.hardNegativePairs.has(p)).length,
    hardNegatives: data.hardNegativePairs.size,
    precision: found.length === 0 ? 1 : truePositives / found.length,
    recall: data.duplicatePairs.size === 0 ? 1 : truePositives / data.duplicatePairs.size,
  };
}

/** The rules the measurement and the demo CRM use: a credit code alone, or a like name with a shared phone or e-mail. */
export const COMPANY_RULES: MatchRule[] = [
  { id: 'credit_code', kind: 'exact', fields: ['credit_code'] },
  { id: 'company', kind: 'company_name', nameField: 'name', contactFields: ['phone', 'email'] },
];
