import { fullAccess } from '@tessera/access';
import { tableRef } from '@tessera/meta';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { logChanges } from './change-log';
import { readChildRows } from './child-rows';
import type { RecordContext } from './record-context';
import { RecordError } from './record-error';
import { lookupByField } from './record-lookup';
import { updateEach } from './update-each';
import { refusedWrites } from './write-guard';

/**
 * Records a merge moved from the loser to the survivor, per relation field. `kind` says where
 * they were: live records (moved through `updateEach`), records in the recycle bin, or lines
 * of child tables (`ids` are line ids; the history row and version are their parent record's).
 */
export interface Repointed {
  object: string;
  field: string;
  ids: string[];
  kind?: 'deleted' | 'lines';
}

/** `only`: the ids an earlier merge moved, for an undo; without it every reference moves. */
type Only = ReadonlySet<string> | null;
const idFilter = (only: Only) => (only ? sql`and id = any(${[...only]}::uuid[])` : sql``);

async function repointLive(ctx: RecordContext, other: ObjectDefinition, field: FieldDefinition, from: string, to: string, only: Only): Promise<string[]> {
  const ids = (await lookupByField(ctx, other.id, field.id, [from])).map((f) => f.id).filter((id) => !only || only.has(id));
  if (ids.length === 0) return ids;
  const result = await updateEach(
    ctx,
    other.id,
    ids.map((id) => ({ id, values: { [field.id]: to } })),
    'merge',
  );
  const refused = result.refused[0];
  if (refused) throw new RecordError(refused.issues[0]?.code === 'record.locked' ? 'record.locked' : 'record.invalid', refused.issues, { count: 1 });
  return ids;
}

/**
 * Records in the recycle bin cannot be edited through the write path (it edits live records),
 * yet restoring one must not bring back a reference to a record merged away: the column moves
 * in one statement, with the version bump and the history row and event an edit would have.
 * An undo takes back the ids it moved, wherever they are now (one may have been restored since).
 */
async function repointDeleted(ctx: RecordContext, other: ObjectDefinition, field: FieldDefinition, from: string, to: string, only: Only): Promise<string[]> {
  const where = only ? sql`` : sql`and deleted_at is not null`;
  const { rows } = await sql<{ id: string; version: number }>`update ${tableRef(ctx.app.appId, other.id)}
    set ${sql.ref(field.id)} = ${to}::uuid, version = version + 1, updated_at = now(), updated_by = ${ctx.access.actor.userId}
    where ${sql.ref(field.id)} = ${from}::uuid ${where} ${idFilter(only)} returning id, version`.execute(ctx.db);
  const changes = [{ field: field.id, old: from, new: to }];
  await logChanges(
    ctx,
    other.id,
    'merge',
    rows.map((r) => ({ recordId: String(r.id), version: Number(r.version), operation: 'update', changes })),
  );
  return rows.map((r) => String(r.id));
}

/**
 * Lines of a child table (an order's lines naming a customer) move in one statement per field;
 * each parent record they belong to gets a new version and a history row with its lines as they
 * now are, as an edit of its lines would. A parent under approval refuses, as any edit would.
 */
async function repointLines(ctx: RecordContext, child: ObjectDefinition, field: FieldDefinition, from: string, to: string, only: Only): Promise<string[]> {
  const parent = ctx.app.objects.get(child.parent ?? '');
  const table = parent?.fields.find((f) => f.type === 'child_table' && f.target === child.id);
  if (!parent || !table) return [];
  const { rows } = await sql<{ id: string; parent_id: string }>`update ${tableRef(ctx.app.appId, child.id)}
    set ${sql.ref(field.id)} = ${to}::uuid where ${sql.ref(field.id)} = ${from}::uuid ${idFilter(only)} returning id, parent_id`.execute(ctx.db);
  const parents = [...new Set(rows.map((r) => String(r.parent_id)))];
  if (parents.length === 0) return [];
  if ((await refusedWrites(ctx, parent.id, parents, [table.id], 'merge')).size) throw new RecordError('record.locked');
  const bumped = await sql<{ id: string; version: number }>`update ${tableRef(ctx.app.appId, parent.id)}
    set version = version + 1, updated_at = now(), updated_by = ${ctx.access.actor.userId}
    where id = any(${parents}::uuid[]) returning id, version`.execute(ctx.db);
  const lines = await readChildRows(ctx, child, parents);
  await logChanges(
    ctx,
    parent.id,
    'merge',
    bumped.rows.map((r) => ({
      recordId: String(r.id),
      version: Number(r.version),
      operation: 'update',
      changes: [{ field: table.id, old: null, new: lines.get(String(r.id)) ?? [] }],
    })),
  );
  return rows.map((r) => String(r.id));
}

/**
 * Moves every reference to `from` onto `to`: each relation field of every object that targets
 * this one — live records, records in the recycle bin, lines of child tables — with the actor's
 * full reach (a reference the actor cannot see must move too, or it would point at a record in
 * the recycle bin). `only` limits the move to what an earlier merge moved (an undo), so records
 * that pointed at the survivor before the merge stay with it.
 */
export async function repoint(ctx: RecordContext, object: ObjectDefinition, from: string, to: string, only?: readonly Repointed[]): Promise<Repointed[]> {
  const reach = { ...ctx, access: fullAccess(ctx.access.actor) };
  const moved: Repointed[] = [];
  const move = async (other: ObjectDefinition, field: FieldDefinition, kind: Repointed['kind']) => {
    const earlier = only ? only.find((r) => r.object === other.id && r.field === field.id && r.kind === kind) : undefined;
    if (only && !earlier) return;
    const ids = new Set(earlier?.ids ?? []);
    const by = kind === 'lines' ? repointLines : kind === 'deleted' ? repointDeleted : repointLive;
    const done = await by(reach, other, field, from, to, only ? ids : null);
    if (done.length) moved.push({ object: other.id, field: field.id, ids: done, ...(kind ? { kind } : {}) });
  };
  for (const other of ctx.app.objects.values()) {
    for (const field of other.fields.filter((f) => f.type === 'relation' && f.target === object.id)) {
      if (other.parent) await move(other, field, 'lines');
      else {
        await move(other, field, undefined);
        await move(other, field, 'deleted');
      }
    }
  }
  return moved;
}
