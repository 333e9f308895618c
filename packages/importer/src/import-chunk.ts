import type { AccessPolicy } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import type { ChangeSource } from '@tessera/events';
import type { FieldIssue, RecordService } from '@tessera/records';
import type { ObjectDefinition } from '@tessera/schemas';
import { type Kysely, sql } from 'kysely';
import { cellToValue } from './cell-values';
import type { CheckedPlan } from './check-plan';
import type { DedupKey } from './dedup-key';
import type { LapTimer } from './import-laps';
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
  /** How rows are matched to records already there (a field or a match rule), remembering earlier rows of the file. */
  dedupKey: DedupKey | null;
  timer: LapTimer;
}

export interface ChunkResult {
  created: number;
  updated: number;
  skipped: number;
  issues: RowIssue[];
  refusedRows: Set<number>;
}

const SOURCE: ChangeSource = 'import';

/** A row ready to write: its place in the file and its values as the shared validator passed them. */
interface CheckedRow {
  row: SheetRow;
  values: Readonly<Record<string, unknown>>;
}

/** A chunk after its read half: what to create, what to update (and which record), and what was decided already. */
export interface CheckedChunk {
  creates: CheckedRow[];
  updates: (CheckedRow & { id: string })[];
  result: ChunkResult;
}

/**
 * The read half of a chunk (a few thousand rows): cells to values, relations and people resolved
 * by name, duplicates matched by the key (and against earlier rows of the file), then every row
 * through the records API's own validator — as a create, or as a patch of the record it matched.
 * It writes nothing, so it runs while the chunk before is being written.
 */
export async function checkChunk(ctx: ChunkContext, rows: readonly SheetRow[]): Promise<CheckedChunk> {
  const pending: (PendingRow & { row: SheetRow })[] = ctx.timer.timeSync('values', () =>
    rows.map((row) => {
      const values: Record<string, unknown> = {};
      for (const { column, field } of ctx.plan.columns) {
        const value = cellToValue(field, row.cells[column] ?? null, ctx.timeZone);
        if (value !== null && !(Array.isArray(value) && value.length === 0)) values[field.id] = value;
      }
      return { row, values, issues: [] };
    }),
  );
  await ctx.timer.time('references', () =>
    resolveReferences(
      { db: ctx.db, records: ctx.records, appId: ctx.appId, access: ctx.policy, objects: ctx.objects },
      ctx.plan.columns.map((c) => c.field),
      pending,
    ),
  );
  const matches = await ctx.timer.time('dedup', () => matchExisting(ctx, pending));
  const result: ChunkResult = { created: 0, updated: 0, skipped: 0, issues: [], refusedRows: new Set() };
  const creating = pending.filter((p, i) => matches[i] === undefined || p.issues.length > 0);
  const updating = pending.flatMap((p, i) => (matches[i] !== undefined && p.issues.length === 0 ? [{ p, id: matches[i]! }] : []));
  if (ctx.mode === 'skip') {
    result.skipped = updating.length;
    updating.length = 0;
  }
  const [asCreates, asPatches] = await ctx.timer.time('validate', () =>
    Promise.all([
      ctx.records.validateMany(
        ctx.appId,
        ctx.object.id,
        ctx.policy,
        creating.map((p) => p.values),
        'create',
      ),
      ctx.records.validateMany(
        ctx.appId,
        ctx.object.id,
        ctx.policy,
        updating.map((u) => u.p.values),
        'patch',
      ),
    ]),
  );
  const checked: CheckedChunk = { creates: [], updates: [], result };
  creating.forEach((p, i) => {
    const verdict = asCreates[i]!;
    // A row refused here (an unknown customer name) is still validated, so its report lists every problem at once.
    const issues = verdict.ok ? p.issues : [...p.issues, ...verdict.issues.filter((issue) => !p.issues.some((known) => known.field === issue.field))];
    if (issues.length || !verdict.ok) refuse(ctx, result, p.row, issues);
    else checked.creates.push({ row: p.row, values: verdict.values });
  });
  updating.forEach(({ p, id }, i) => {
    const verdict = asPatches[i]!;
    if (verdict.ok) checked.updates.push({ row: p.row, values: verdict.values, id });
    else refuse(ctx, result, p.row, verdict.issues);
  });
  return checked;
}

function refuse(ctx: ChunkContext, result: ChunkResult, row: SheetRow, issues: readonly FieldIssue[]): void {
  result.refusedRows.add(row.number);
  for (const issue of issues) result.issues.push(rowIssue(ctx, row.number, issue));
}

/**
 * The write half of a chunk, through the same write path as the API: one createMany and one
 * updateEach — set-based, with history rows and events — in the import's transaction, and what
 * they wrote kept for an undo. Values come as the read half validated them; the write does not
 * validate them again, but checks what needs the database (references, unique values, locks).
 */
export async function writeChunk(ctx: ChunkContext, chunk: CheckedChunk): Promise<ChunkResult> {
  const { creates, updates, result } = chunk;
  const write = { source: SOURCE, cause: { import: ctx.batchId } };
  if (creates.length) {
    const made = await ctx.timer.time('create', () =>
      ctx.records.createMany(
        ctx.appId,
        ctx.object.id,
        ctx.policy,
        creates.map((c) => ({ values: c.values })),
        { ...write, atomicity: 'valid' },
      ),
    );
    for (const refused of made.refused) refuse(ctx, result, creates[refused.index]!.row, refused.issues);
    result.created = made.created.length;
    if (ctx.remember)
      await ctx.timer.time('remember', () =>
        rememberCreated(
          ctx,
          made.created.map((c) => c.id),
        ),
      );
  }
  if (updates.length) {
    const done = await ctx.timer.time('update', () =>
      ctx.records.updateEach(
        ctx.appId,
        ctx.object.id,
        ctx.policy,
        updates.map((u) => ({ id: u.id, values: u.values })),
        write,
      ),
    );
    for (const refused of done.refused)
      refuse(
        ctx,
        result,
        updates[refused.index]!.row,
        refused.issues.map((issue) => (issue.field ? issue : { ...issue, field: ctx.plan.key?.id ?? '' })),
      );
    result.updated = done.updated.length;
    if (ctx.remember)
      await ctx.timer.time('remember', () =>
        rememberUpdated(
          ctx,
          done.updated.map((u) => u.id),
        ),
      );
  }
  return result;
}

/**
 * The existing record each row duplicates (by index; undefined: none), and issues for rows that
 * repeat an earlier row of the file or match several records. In `create` mode nothing matches.
 */
async function matchExisting(ctx: ChunkContext, pending: (PendingRow & { row: SheetRow })[]): Promise<(string | undefined)[]> {
  const key = ctx.dedupKey;
  if (!key || ctx.mode === 'create') return pending.map(() => undefined);
  const matches = await key.match(pending.map((p) => ({ row: p.row.number, values: p.values })));
  return pending.map((p, i) => {
    const match = matches[i];
    if (!match) return undefined;
    if (match.earlierRow !== null && match.earlierRow !== p.row.number) {
      p.issues.push(key.repeats(match));
      return undefined;
    }
    if (match.existing.length > 1 && ctx.mode === 'update') {
      p.issues.push(key.ambiguous(match));
      return undefined;
    }
    return match.existing[0]?.id;
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
 * What the import wrote to each record, for an undo. A record it created is at version 1 (a new
 * record's first), with nothing to put back: written straight from the ids, one statement.
 */
async function rememberCreated(ctx: ChunkContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`insert into import_batch_records (batch_id, record_id, action, version, previous)
    select ${ctx.batchId}::uuid, id, 'created', 1, null from unnest(${ids}::uuid[]) as id
    on conflict (batch_id, record_id) do nothing`.execute(ctx.db);
}

/**
 * A record it updated: the version the import left it at and the values it had before, both from
 * the history row this import just wrote for it (the latest: the import holds the record's lock
 * until it commits). Each record's row is found through the history's record index, one probe
 * per id: the history grows by thousands of rows a chunk during an import, faster than its
 * statistics, and a plan over `record_id = any(…)` could scan all of it for every chunk.
 */
async function rememberUpdated(ctx: ChunkContext, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`insert into import_batch_records (batch_id, record_id, action, version, previous)
    select ${ctx.batchId}::uuid, x.id, 'updated', h.record_version,
      (select coalesce(jsonb_object_agg(c->>'field', c->'old'), '{}'::jsonb) from jsonb_array_elements(h.changes) c)
    from unnest(${ids}::uuid[]) as x(id)
    cross join lateral (select record_version, changes from record_history
      where app_id = ${ctx.appId} and object_id = ${ctx.object.id} and record_id = x.id and source = 'import'
      order by id desc limit 1) h
    on conflict (batch_id, record_id) do nothing`.execute(ctx.db);
}
