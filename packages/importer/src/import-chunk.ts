import type { AccessPolicy } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import type { ChangeSource } from '@tessera/events';
import { normalizeCnPhone } from '@tessera/formats';
import type { FieldIssue, RecordService } from '@tessera/records';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { type Kysely, sql } from 'kysely';
import { cellToValue } from './cell-values';
import type { CheckedPlan } from './check-plan';
import type { DedupMode, RowIssue } from './import-plan';
import { type PendingRow, resolveReferences } from './resolve-references';
import type { SheetRow } from './sheet-row';

/** What stays the same for every chunk of one import. */
export interface ChunkContext {
  db: Kysely<SystemTables>;
  /** The records service inside the import's transaction. */
  records: RecordService;
  appId: string;
  object: ObjectDefinition;
  objects: ReadonlyMap<string, ObjectDefinition>;
  policy: AccessPolicy;
  plan: CheckedPlan;
  mode: DedupMode;
  timeZone: string;
  /** The file's column titles, for issues in the file's terms. */
  titles: string[];
  batchId: string;
  /** Whether to keep what was written for an undo (not for a dry run, which is rolled back). */
  remember: boolean;
  /** Dedup keys seen in earlier rows of the file → the row that had them. */
  seenKeys: Map<string, number>;
}

export interface ChunkResult {
  created: number;
  updated: number;
  skipped: number;
  issues: RowIssue[];
  refusedRows: Set<number>;
}

const SOURCE: ChangeSource = 'import';

/** A key as records store it, so "+86 138 1234 5678" in the file finds 13812345678. */
function keyOf(field: FieldDefinition, value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  return field.type === 'phone' ? (normalizeCnPhone(text) ?? text) : text;
}

/**
 * One chunk of rows (a few thousand) through the same write path as the API: cells to values,
 * relations and people resolved by name, duplicates matched by the key, then one createMany and
 * one updateEach — set-based, with history rows and events — in the import's transaction.
 */
export async function importChunk(ctx: ChunkContext, rows: readonly SheetRow[]): Promise<ChunkResult> {
  const pending: (PendingRow & { row: SheetRow })[] = rows.map((row) => {
    const values: Record<string, unknown> = {};
    for (const { column, field } of ctx.plan.columns) {
      const value = cellToValue(field, row.cells[column] ?? null, ctx.timeZone);
      if (value !== null && !(Array.isArray(value) && value.length === 0)) values[field.id] = value;
    }
    return { row, values, issues: [] };
  });
  await resolveReferences(
    { db: ctx.db, records: ctx.records, appId: ctx.appId, access: ctx.policy, objects: ctx.objects },
    ctx.plan.columns.map((c) => c.field),
    pending,
  );
  const matches = await matchExisting(ctx, pending);
  const result: ChunkResult = { created: 0, updated: 0, skipped: 0, issues: [], refusedRows: new Set() };
  const refuse = (row: SheetRow, issues: readonly FieldIssue[]) => {
    result.refusedRows.add(row.number);
    for (const issue of issues) result.issues.push(rowIssue(ctx, row.number, issue));
  };
  // A row refused here is still validated, so its report lists every problem at once.
  const early = pending.filter((p) => p.issues.length);
  if (early.length) {
    const more = await ctx.records.issuesOf(
      ctx.appId,
      ctx.object.id,
      ctx.policy,
      early.map((p) => p.values),
    );
    early.forEach((p, i) => p.issues.push(...more[i]!.filter((issue) => !p.issues.some((known) => known.field === issue.field))));
  }
  const creates: typeof pending = [];
  const updates: { pending: (typeof pending)[number]; id: string }[] = [];
  for (const [i, p] of pending.entries()) {
    if (p.issues.length) refuse(p.row, p.issues);
    else if (matches[i] === undefined) creates.push(p);
    else if (ctx.mode === 'skip') result.skipped += 1;
    else updates.push({ pending: p, id: matches[i]! });
  }
  const write = { source: SOURCE, cause: { import: ctx.batchId } };
  if (creates.length) {
    const made = await ctx.records.createMany(
      ctx.appId,
      ctx.object.id,
      ctx.policy,
      creates.map((p) => ({ values: p.values })),
      { ...write, atomicity: 'valid' },
    );
    for (const refused of made.refused) refuse(creates[refused.index]!.row, refused.issues);
    result.created = made.created.length;
    if (ctx.remember)
      await remember(
        ctx,
        made.created.map((c) => c.id),
        'created',
      );
  }
  if (updates.length) {
    const done = await ctx.records.updateEach(
      ctx.appId,
      ctx.object.id,
      ctx.policy,
      updates.map((u) => ({ id: u.id, values: u.pending.values })),
      write,
    );
    for (const refused of done.refused)
      refuse(
        updates[refused.index]!.pending.row,
        refused.issues.map((issue) => (issue.field ? issue : { ...issue, field: ctx.plan.key?.id ?? '' })),
      );
    result.updated = done.updated.length;
    if (ctx.remember)
      await remember(
        ctx,
        done.updated.map((u) => u.id),
        'updated',
      );
  }
  return result;
}

/**
 * The existing record each row duplicates (by index; undefined: none), and issues for keys that
 * repeat an earlier row of the file or match several records. In `create` mode nothing matches.
 */
async function matchExisting(ctx: ChunkContext, pending: PendingRow[]): Promise<(string | undefined)[]> {
  const key = ctx.plan.key;
  if (!key || ctx.mode === 'create') return pending.map(() => undefined);
  const keys = pending.map((p) => keyOf(key, p.values[key.id]));
  const found = await ctx.records.lookup(
    ctx.appId,
    ctx.object.id,
    ctx.policy,
    key.id,
    keys.filter((k): k is string => k !== null),
  );
  const byKey = new Map<string, string[]>();
  for (const record of found) byKey.set(record.value, [...(byKey.get(record.value) ?? []), record.id]);
  return pending.map((p, i) => {
    const k = keys[i];
    if (k === null || k === undefined) return undefined;
    const row = (p as PendingRow & { row: SheetRow }).row.number;
    const earlier = ctx.seenKeys.get(k);
    if (earlier !== undefined) {
      p.issues.push({ field: key.id, pointer: `/values/${key.id}`, code: 'import.duplicate_in_file', params: { row: earlier }, label: key.label });
      return undefined;
    }
    ctx.seenKeys.set(k, row);
    const ids = byKey.get(k) ?? [];
    if (ids.length > 1 && ctx.mode === 'update') {
      p.issues.push({
        field: key.id,
        pointer: `/values/${key.id}`,
        code: 'import.key_matches_many',
        params: { value: k, count: ids.length },
        label: key.label,
      });
      return undefined;
    }
    return ids[0];
  });
}

function rowIssue(ctx: ChunkContext, row: number, issue: FieldIssue): RowIssue {
  const column = ctx.plan.columns.find((c) => c.field.id === issue.field)?.column;
  return {
    row,
    column: column === undefined ? null : (ctx.titles[column] ?? null),
    field: issue.field,
    code: issue.code,
    params: issue.params,
    label: issue.label,
  };
}

/**
 * What the import wrote to each record, for an undo: the version it left the record at and, for
 * an update, the values it had before — both from the history row this import just wrote for it
 * (the latest: the import holds the record's lock until it commits).
 */
async function remember(ctx: ChunkContext, ids: readonly string[], action: 'created' | 'updated'): Promise<void> {
  if (ids.length === 0) return;
  const previous =
    action === 'updated' ? sql`(select coalesce(jsonb_object_agg(c->>'field', c->'old'), '{}'::jsonb) from jsonb_array_elements(h.changes) c)` : sql`null`;
  await sql`insert into import_batch_records (batch_id, record_id, action, version, previous)
    select ${ctx.batchId}::uuid, h.record_id, ${action}, h.record_version, ${previous}
    from (select distinct on (record_id) record_id, record_version, changes from record_history
      where app_id = ${ctx.appId} and object_id = ${ctx.object.id} and record_id = any(${ids}::uuid[]) and source = 'import'
      order by record_id, id desc) h
    on conflict (batch_id, record_id) do nothing`.execute(ctx.db);
}
