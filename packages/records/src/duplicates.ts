import {
  type DedupSubject,
  type DuplicateGroup,
  findDuplicatePairs,
  groupPairs,
  matchSubjects,
  normalizeKeyValue,
  prepareSubject,
  ruleFields,
} from '@tessera/dedup';
import { toHalfWidth } from '@tessera/formats';
import { tableRef } from '@tessera/meta';
import type { MatchRule, ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { keyBlocks } from './duplicate-blocks';
import { objectOf } from './live-app';
import { type RecordContext, requireAction } from './record-context';
import { chunks } from './recordset';
import { rowScopeSql } from './row-scope';

/**
 * A record the rules say the values duplicate. One the actor may read comes with its id and
 * display name; one outside their row scope only says that it exists and how alike it is — a
 * rep is warned before entering a customer a colleague already has, without learning whose or
 * what it holds (ADR 0070).
 */
export type DuplicateCandidate =
  | { visible: true; id: string; display: string | null; rule: string; score: number }
  | { visible: false; rule: string; score: number };

/** The most candidates a check returns, and reads: a record with more look-alikes than this has bigger problems. */
const CANDIDATE_ROWS = 50;
const SHOWN_CANDIDATES = 5;

export const rulesOf = (object: ObjectDefinition): MatchRule[] => (object.matchRules ?? []) as MatchRule[];

/** The spellings a stored key may have, for an index lookup: as typed, half-width, its case forms, its canonical form. */
export function spellings(value: unknown): string[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  const text = toHalfWidth(value).trim();
  const canonical = normalizeKeyValue(value);
  return [...new Set([value.trim(), text, text.toLowerCase(), text.toUpperCase(), ...(canonical ? [canonical] : [])])];
}

export function subjectColumns(object: ObjectDefinition, rules: readonly MatchRule[]): string[] {
  const { keys, names } = ruleFields(rules);
  return [...new Set(['id', ...keys, ...names, ...(object.displayField ? [object.displayField] : [])])];
}

/**
 * The records `values` (a form being filled, an import row) would duplicate, best first. Found
 * by equality on the rules' key and contact fields — the btree indexes publishing gives those
 * fields (desired-indexes.ts) answer it in a millisecond at a million rows — then scored by
 * the rules. Every live record is considered, each marked visible or not by the actor's scope.
 */
export async function findDuplicateCandidates(
  ctx: RecordContext,
  objectId: string,
  input: { values: Record<string, unknown>; excludeId?: string | undefined },
): Promise<DuplicateCandidate[]> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'read', object);
  const rules = rulesOf(object);
  const lookups = ruleFields(rules)
    .keys.map((field) => ({ field, values: spellings(input.values[field]) }))
    .filter((l) => l.values.length > 0);
  if (rules.length === 0 || lookups.length === 0) return [];
  const columns = subjectColumns(object, rules);
  const { rows } = await sql<Record<string, unknown> & { visible: boolean }>`select ${sql.join(columns.map((c) => sql.ref(c)))},
      ${rowScopeSql(ctx, object, 'read')} as visible
    from ${tableRef(ctx.app.appId, object.id)}
    where deleted_at is null and id <> ${input.excludeId ?? '00000000-0000-0000-0000-000000000000'}::uuid
      and (${sql.join(
        lookups.map((l) => sql`${sql.ref(l.field)} = any(${l.values}::text[])`),
        sql` or `,
      )})
    order by created_at, id
    limit ${CANDIDATE_ROWS}`.execute(ctx.db);
  const typed = prepareSubject(rules, '', input.values);
  const hidden = ctx.access.hiddenFields(object.id);
  const found: DuplicateCandidate[] = [];
  for (const row of rows) {
    const match = matchSubjects(rules, typed, prepareSubject(rules, String(row.id), row));
    if (!match) continue;
    const display = object.displayField && !hidden.has(object.displayField) ? ((row[object.displayField] as string | null) ?? null) : null;
    found.push(row.visible ? { visible: true, id: String(row.id), display, ...match } : { visible: false, ...match });
  }
  // A stable sort: among equal scores the record entered first comes first.
  return found.sort((a, b) => b.score - a.score).slice(0, SHOWN_CANDIDATES);
}

/** A group of the scan: its records (as the actor sees them) and how sure the rules are. */
export interface ScannedGroup {
  score: number;
  rules: string[];
  records: { id: string; display: string | null }[];
}

export interface DuplicateScan {
  groups: ScannedGroup[];
  /** Groups found in all; `groups` holds the strongest `limit` of them. */
  total: number;
  /** Values shared by more records than one company has (a placeholder number): left out, named here. */
  skippedBlocks: number;
}

/**
 * Every duplicate group among the records the actor may read. Set-based: PostgreSQL blocks each
 * key and contact field by the values more than one record shares (duplicate-blocks.ts: the
 * field's btree read in order, no pair comparison in SQL); the rules then score the pairs inside
 * those blocks. Memory follows the number of duplicates, not the size of the object.
 */
export async function scanDuplicates(ctx: RecordContext, objectId: string, options: { limit: number }): Promise<DuplicateScan> {
  const { groups, subjects, skippedBlocks } = await readableDuplicateGroups(ctx, objectId);
  return { groups: groups.slice(0, options.limit).map((g) => shown(g, subjects)), total: groups.length, skippedBlocks };
}

/**
 * The ids of every record the actor may read that the rules say duplicates another they may read
 * (a report's duplicate rate): the same groups as the scan, so the rate and the duplicates page agree.
 */
export async function duplicateRecordIds(ctx: RecordContext, objectId: string): Promise<string[]> {
  const { groups } = await readableDuplicateGroups(ctx, objectId);
  return groups.flatMap((g) => g.ids).sort();
}

async function readableDuplicateGroups(ctx: RecordContext, objectId: string) {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'read', object);
  const rules = rulesOf(object);
  const ids = new Set<string>();
  let skippedBlocks = 0;
  for (const field of ruleFields(rules).keys) {
    const { blocks, skipped } = await keyBlocks(ctx, object, field);
    skippedBlocks += skipped;
    for (const block of blocks) for (const id of block) ids.add(id);
  }
  const subjects = await readSubjects(ctx, object, rules, [...ids]);
  const groups = groupPairs(
    findDuplicatePairs(
      rules,
      [...subjects.values()].map((s) => s.subject),
    ),
  );
  return { groups, subjects, skippedBlocks };
}

async function readSubjects(ctx: RecordContext, object: ObjectDefinition, rules: readonly MatchRule[], ids: readonly string[]) {
  const subjects = new Map<string, { subject: DedupSubject; display: string | null }>();
  const hidden = ctx.access.hiddenFields(object.id);
  const columns = subjectColumns(object, rules);
  for (const part of chunks(ids, 5_000)) {
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))}
      from ${tableRef(ctx.app.appId, object.id)} where id = any(${part}::uuid[])`.execute(ctx.db);
    for (const row of rows) {
      const display = object.displayField && !hidden.has(object.displayField) ? ((row[object.displayField] as string | null) ?? null) : null;
      subjects.set(String(row.id), { subject: prepareSubject(rules, String(row.id), row), display });
    }
  }
  return subjects;
}

function shown(group: DuplicateGroup, subjects: ReadonlyMap<string, { display: string | null }>): ScannedGroup {
  return {
    score: group.score,
    rules: [...new Set(group.pairs.map((p) => p.rule))],
    records: group.ids.map((id) => ({ id, display: subjects.get(id)?.display ?? null })),
  };
}
