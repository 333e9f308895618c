import { normalizeCnPhone, toHalfWidth } from '@tessera/formats';
import type { MatchRule } from '@tessera/schemas';
import { businessOf } from './business-terms';
import { type NormalizedCompanyName, normalizeCompanyName, regionsConflict } from './company-name';
import { jaroWinkler } from './similarity';

/** The similarity two company names need, when a rule names none. */
export const DEFAULT_NAME_THRESHOLD = 0.9;
/**
 * Names that say different regions (北京 vs 上海) or different businesses (技术 vs 终端) are
 * branches or namesakes: their likeness counts half, far below any threshold.
 */
const CONFLICT_FACTOR = 0.5;

/** One record as the rules see it: its key values and company names, normalized once. */
export interface DedupSubject {
  id: string;
  keys: ReadonlyMap<string, string | null>;
  names: ReadonlyMap<string, NormalizedCompanyName | null>;
}

/** Why two records match: the rule that holds best and its score (1 for an exact rule). */
export interface PairMatch {
  rule: string;
  score: number;
}

/**
 * A key value as compared: half-width, trimmed, case folded, spaces dropped; a Chinese phone
 * number in its canonical digits ("+86 138-0013-8000" → "13800138000"). Empty is null.
 */
export function normalizeKeyValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'string') return null;
  const text = toHalfWidth(value).trim();
  if (text === '') return null;
  return normalizeCnPhone(text) ?? text.toLowerCase().replace(/\s+/g, '');
}

/** The fields a rule set reads: keys compared exactly, and company names. */
export function ruleFields(rules: readonly MatchRule[]): { keys: string[]; names: string[] } {
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const rule of rules) {
    for (const id of rule.kind === 'exact' ? (rule.fields ?? []) : (rule.contactFields ?? [])) keys.add(id);
    if (rule.kind === 'company_name' && rule.nameField) names.add(rule.nameField);
  }
  return { keys: [...keys], names: [...names] };
}

export function prepareSubject(rules: readonly MatchRule[], id: string, values: Readonly<Record<string, unknown>>): DedupSubject {
  const { keys, names } = ruleFields(rules);
  return {
    id,
    keys: new Map(keys.map((field) => [field, normalizeKeyValue(values[field])])),
    names: new Map(
      names.map((field) => {
        const name = values[field];
        return [field, typeof name === 'string' && name.trim() !== '' ? normalizeCompanyName(name) : null];
      }),
    ),
  };
}

function exactHolds(rule: MatchRule, a: DedupSubject, b: DedupSubject): boolean {
  return (rule.fields ?? []).every((field) => {
    const value = a.keys.get(field);
    return value != null && value === b.keys.get(field);
  });
}

/** The likeness of two company names, halved when they say different regions or businesses. */
export function nameScore(a: NormalizedCompanyName, b: NormalizedCompanyName): number {
  if (a.key === b.key) return regionsConflict(a.regions, b.regions) ? CONFLICT_FACTOR : 1;
  const [left, right] = [businessOf(a.key), businessOf(b.key)];
  const conflict = regionsConflict(a.regions, b.regions) || (left !== null && right !== null && left !== right);
  return jaroWinkler(a.key, b.key) * (conflict ? CONFLICT_FACTOR : 1);
}

function companyNameScore(rule: MatchRule, a: DedupSubject, b: DedupSubject): number | null {
  const sharesContact = (rule.contactFields ?? []).some((field) => {
    const value = a.keys.get(field);
    return value != null && value === b.keys.get(field);
  });
  const left = a.names.get(rule.nameField ?? '');
  const right = b.names.get(rule.nameField ?? '');
  if (!sharesContact || !left || !right) return null;
  const score = nameScore(left, right);
  return score >= (rule.threshold ?? DEFAULT_NAME_THRESHOLD) ? score : null;
}

/** The best rule that holds for the pair, or null when none does: two records match when any rule holds. */
export function matchSubjects(rules: readonly MatchRule[], a: DedupSubject, b: DedupSubject): PairMatch | null {
  let best: PairMatch | null = null;
  for (const rule of rules) {
    const score = rule.kind === 'exact' ? (exactHolds(rule, a, b) ? 1 : null) : companyNameScore(rule, a, b);
    if (score !== null && (best === null || score > best.score)) best = { rule: rule.id, score };
  }
  return best;
}

/**
 * Keys two matching records always share (blocking): an exact rule's values together, each
 * contact value of a company-name rule. Only records sharing a key need comparing, which is what
 * lets a scan of a million records compare a few thousand pairs instead of half a trillion.
 */
export function blockingKeys(rules: readonly MatchRule[], subject: DedupSubject): string[] {
  const keys: string[] = [];
  for (const rule of rules) {
    if (rule.kind === 'exact') {
      const values = (rule.fields ?? []).map((field) => subject.keys.get(field));
      if (values.every((v) => v != null)) keys.push(JSON.stringify([rule.id, ...values]));
      continue;
    }
    for (const field of rule.contactFields ?? []) {
      const value = subject.keys.get(field);
      if (value != null) keys.push(JSON.stringify([field, value]));
    }
  }
  return keys;
}
