import type { SystemTables } from '@tessera/db';
import { blockingKeys, type DedupSubject, matchSubjects, prepareSubject, ruleFields } from '@tessera/dedup';
import type { FieldIssue } from '@tessera/records';
import type { FieldDefinition, MatchRule } from '@tessera/schemas';
import { type Kysely, sql } from 'kysely';
import type { DedupKey, KeyMatch, KeyRow, KeyScope } from './dedup-key';

/** Candidates named in an "ambiguous" issue; the count says how many there are in all. */
const NAMED_CANDIDATES = 5;

interface FileSubject {
  row: number;
  subject: DedupSubject;
}

/**
 * Earlier rows of the file, by blocking key: kept in a temporary table of the import's
 * transaction (as `fileKeys` keeps a field key's), not in memory, with the rule's values of each
 * row so they can be scored again. Returns the rows of earlier batches sharing a key with this one.
 */
function earlierFileRows(db: Kysely<SystemTables>, rules: readonly MatchRule[]) {
  let created = false;
  return async (entries: readonly { keys: string[]; row: number; values: Record<string, unknown> }[]) => {
    const flat = entries.flatMap((e) => e.keys.map((key) => ({ key, row: e.row, values: JSON.stringify(e.values) })));
    if (flat.length === 0) return new Map<string, FileSubject[]>();
    if (!created) {
      await sql`create temporary table import_rule_rows (key text not null, row integer not null, subject jsonb not null) on commit drop`.execute(db);
      await sql`create index on import_rule_rows (key)`.execute(db);
      created = true;
    }
    // The select sees the table as it was before this statement: the rows of earlier batches only.
    const { rows } = await sql<{ key: string; row: number; subject: Record<string, unknown> }>`with input as (
        select * from unnest(${flat.map((f) => f.key)}::text[], ${flat.map((f) => f.row)}::integer[], ${flat.map((f) => f.values)}::jsonb[]) as t(key, row, subject)
      ), added as (
        insert into import_rule_rows (key, row, subject) select key, row, subject from input
      )
      select r.key, r.row, r.subject from import_rule_rows r where r.key in (select key from input) order by r.row`.execute(db);
    const byKey = new Map<string, FileSubject[]>();
    for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), { row: r.row, subject: prepareSubject(rules, String(r.row), r.subject) }]);
    return byKey;
  };
}

/** The first earlier row (of earlier batches or this one) that the rule says `subject` duplicates. */
function firstEarlierMatch(
  rules: readonly MatchRule[],
  subject: DedupSubject,
  keys: readonly string[],
  ...sources: ReadonlyMap<string, FileSubject[]>[]
): number | null {
  let first: number | null = null;
  for (const source of sources)
    for (const key of keys)
      for (const other of source.get(key) ?? []) {
        if ((first === null || other.row < first) && matchSubjects(rules, subject, other.subject)) first = other.row;
      }
  return first;
}

/**
 * One of the object's match rules as the key: an exact rule matches when all its fields are
 * equal once normalized, a company-name rule when the names are alike (region and legal form set
 * aside, at its threshold) and a contact is equal — the duplicate detector's own definitions
 * (@tessera/dedup), for existing records (records' `duplicates.matchMany`) and rows of the file alike.
 */
export function ruleKey(scope: KeyScope, rule: MatchRule, field: FieldDefinition): DedupKey {
  const rules = [rule];
  const fields = Object.values(ruleFields(rules)).flat();
  const earlier = earlierFileRows(scope.db, rules);
  const issue = (code: string, params: FieldIssue['params']): FieldIssue => ({
    field: field.id,
    pointer: `/values/${field.id}`,
    code,
    params,
    label: rule.label ?? field.label,
  });
  return {
    field,
    async match(rows: readonly KeyRow[]): Promise<(KeyMatch | null)[]> {
      const entries = rows.map((r) => {
        const values = Object.fromEntries(fields.map((f) => [f, r.values[f] ?? null]));
        const subject = prepareSubject(rules, String(r.row), values);
        return { row: r.row, values, subject, keys: blockingKeys(rules, subject) };
      });
      const [existing, before] = await Promise.all([
        scope.records.duplicates.matchMany(scope.appId, scope.object.id, scope.policy, { rule: rule.id, rows: rows.map((r) => r.values) }),
        earlier(entries.filter((e) => e.keys.length > 0)),
      ]);
      const inBatch = new Map<string, FileSubject[]>();
      return entries.map((e, i) => {
        if (e.keys.length === 0) return null;
        const earlierRow = firstEarlierMatch(rules, e.subject, e.keys, before, inBatch);
        for (const key of e.keys) inBatch.set(key, [...(inBatch.get(key) ?? []), { row: e.row, subject: e.subject }]);
        const value = fields
          .map((f) => e.values[f])
          .filter((v) => v !== null && v !== '')
          .join(' / ');
        return { earlierRow, existing: earlierRow === null ? existing[i]!.map((m) => ({ id: m.id, display: m.display })) : [], value };
      });
    },
    repeats: (match) => issue('import.rule_repeats_row', { row: match.earlierRow }),
    ambiguous: (match) =>
      issue('import.rule_matches_many', {
        count: match.existing.length,
        candidates: match.existing
          .slice(0, NAMED_CANDIDATES)
          .map((m) => m.display ?? m.id)
          .join('; '),
      }),
  };
}
