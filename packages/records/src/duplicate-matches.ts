import { blockingKeys, type DedupSubject, matchSubjects, prepareSubject, ruleFields } from '@tessera/dedup';
import { tableRef } from '@tessera/meta';
import type { MatchRule } from '@tessera/schemas';
import { sql } from 'kysely';
import { rulesOf, spellings, subjectColumns } from './duplicates';
import { objectOf } from './live-app';
import { type RecordContext, requireAction } from './record-context';
import { RecordError } from './record-error';
import { rowScopeSql } from './row-scope';

/** A record the actor may read that a row duplicates under one match rule. */
export interface RuleMatch {
  id: string;
  display: string | null;
  score: number;
}

/** The rule, when it exists and every field it reads is one the actor sees (matching on a hidden field would reveal it). */
function readableRule(ctx: RecordContext, objectId: string, ruleId: string): MatchRule {
  const object = objectOf(ctx.app, objectId);
  const rule = rulesOf(object).find((r) => r.id === ruleId);
  const hidden = ctx.access.hiddenFields(object.id);
  const fields = rule ? Object.values(ruleFields([rule])).flat() : [];
  if (!rule || fields.some((f) => hidden.has(f))) {
    throw new RecordError('query.invalid', [{ field: ruleId, pointer: '/rule', code: 'query.unknown_field', params: { field: ruleId } }], { count: 1 });
  }
  return rule;
}

/**
 * For each of `rows` (an import's chunk of a few thousand), the live records the actor may read
 * that the object's match rule `ruleId` says it duplicates, best first (among equals, the one
 * entered first). One query for the whole batch, by equality on the rule's key or contact fields
 * (their btree indexes), every spelling a stored key may have; then the detector's own
 * `blockingKeys` and `matchSubjects` decide, so an import matches exactly what the form's
 * duplicate warning and the scan call a duplicate.
 */
export async function matchByRule(
  ctx: RecordContext,
  objectId: string,
  ruleId: string,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<RuleMatch[][]> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'read', object);
  const rules = [readableRule(ctx, objectId, ruleId)];
  const lookups = ruleFields(rules)
    .keys.map((field) => ({ field, values: [...new Set(rows.flatMap((values) => spellings(values[field])))] }))
    .filter((l) => l.values.length > 0);
  if (lookups.length === 0) return rows.map(() => []);
  // An exact rule holds only when every field is equal: all must match. A company-name rule needs one equal contact.
  const joiner = rules[0]!.kind === 'exact' ? sql` and ` : sql` or `;
  const columns = subjectColumns(object, rules);
  const { rows: found } = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))}
    from ${tableRef(ctx.app.appId, object.id)}
    where deleted_at is null and ${rowScopeSql(ctx, object, 'read')}
      and (${sql.join(
        lookups.map((l) => sql`${sql.ref(l.field)} = any(${l.values}::text[])`),
        joiner,
      )})
    order by created_at, id`.execute(ctx.db);
  const hidden = ctx.access.hiddenFields(object.id);
  const blocks = new Map<string, { subject: DedupSubject; display: string | null }[]>();
  for (const row of found) {
    const display = object.displayField && !hidden.has(object.displayField) ? ((row[object.displayField] as string | null) ?? null) : null;
    const candidate = { subject: prepareSubject(rules, String(row.id), row), display };
    for (const key of blockingKeys(rules, candidate.subject)) blocks.set(key, [...(blocks.get(key) ?? []), candidate]);
  }
  return rows.map((values) => {
    const typed = prepareSubject(rules, '', values);
    const seen = new Set<string>();
    const matches: RuleMatch[] = [];
    for (const key of blockingKeys(rules, typed)) {
      for (const { subject, display } of blocks.get(key) ?? []) {
        if (seen.has(subject.id)) continue;
        seen.add(subject.id);
        const match = matchSubjects(rules, typed, subject);
        if (match) matches.push({ id: subject.id, display, score: match.score });
      }
    }
    return matches.sort((a, b) => b.score - a.score);
  });
}
