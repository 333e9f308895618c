import type { AccessPolicy } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import { canonicalFieldValue } from '@tessera/forms';
import type { FieldIssue, RecordService } from '@tessera/records';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import type { CheckedPlan } from './check-plan';
import { fileKeys } from './file-keys';
import { ruleKey } from './rule-key';

/** One row of the file as the key sees it: its row number and its values. */
export interface KeyRow {
  row: number;
  values: Readonly<Record<string, unknown>>;
}

/** What the key says of one row (null: the row has no key, so it matches nothing). */
export interface KeyMatch {
  /** An earlier row of the file this row duplicates, or null. */
  earlierRow: number | null;
  /** The existing records it matches, best first (several: the row is ambiguous). */
  existing: { id: string; display: string | null }[];
  /** The key as text, for messages. */
  value: string;
}

/**
 * How an import recognises a record already there (the wizard's "matched by"): given a batch of
 * rows, which existing records and which earlier rows of the file each matches. A mapped field
 * (`fieldKey`) or one of the object's match rules (`ruleKey`, scored by the duplicate detector).
 */
export interface DedupKey {
  /** The field an issue about the key names (its column in the error report). */
  field: FieldDefinition;
  /** Rows in file order, each once; earlier batches are remembered. */
  match(rows: readonly KeyRow[]): Promise<(KeyMatch | null)[]>;
  /** The issue for a row that repeats an earlier row of the file. */
  repeats(match: KeyMatch): FieldIssue;
  /** The issue for a row matching several existing records. */
  ambiguous(match: KeyMatch): FieldIssue;
}

/** Where the key looks: the import's transaction, its records service and the importing user. */
export interface KeyScope {
  db: Kysely<SystemTables>;
  records: RecordService;
  appId: string;
  object: ObjectDefinition;
  policy: AccessPolicy;
}

/**
 * A key as records store it — cleaned by the field's own data rules — so "+86 138 1234 5678"
 * in the file finds 13812345678 and a credit code typed in lower case finds the stored one.
 */
function keyOf(field: FieldDefinition, value: unknown): string | null {
  const stored = canonicalFieldValue(field, value);
  return typeof stored === 'string' && stored !== '' ? stored : null;
}

/** A mapped field as the key: equal stored values match. */
export function fieldKey(scope: KeyScope, field: FieldDefinition): DedupKey {
  const earlierRows = fileKeys(scope.db);
  const issue = (code: string, params: FieldIssue['params']): FieldIssue => ({
    field: field.id,
    pointer: `/values/${field.id}`,
    code,
    params,
    label: field.label,
  });
  return {
    field,
    async match(rows) {
      const keys = rows.map((r) => keyOf(field, r.values[field.id]));
      const keyed = rows.flatMap((r, i) => (keys[i] ? [{ key: keys[i], row: r.row }] : []));
      const [found, earlier] = await Promise.all([
        scope.records.lookup(
          scope.appId,
          scope.object.id,
          scope.policy,
          field.id,
          keyed.map((k) => k.key),
        ),
        earlierRows.earlierRows(keyed),
      ]);
      const byKey = new Map<string, string[]>();
      for (const record of found) byKey.set(record.value, [...(byKey.get(record.value) ?? []), record.id]);
      const firstInChunk = new Map<string, number>();
      return rows.map((r, i) => {
        const value = keys[i];
        if (!value) return null;
        const first = earlier.get(value) ?? firstInChunk.get(value);
        if (first !== undefined && first !== r.row) return { earlierRow: first, existing: [], value };
        firstInChunk.set(value, r.row);
        return { earlierRow: null, existing: (byKey.get(value) ?? []).map((id) => ({ id, display: null })), value };
      });
    },
    repeats: (match) => issue('import.duplicate_in_file', { row: match.earlierRow }),
    ambiguous: (match) => issue('import.key_matches_many', { value: match.value, count: match.existing.length }),
  };
}

/** The plan's key, or null when rows are not matched (no key, or "always create"). */
export function dedupKeyOf(scope: KeyScope, plan: CheckedPlan): DedupKey | null {
  if (plan.rule && plan.key) return ruleKey(scope, plan.rule, plan.key);
  return plan.key ? fieldKey(scope, plan.key) : null;
}
