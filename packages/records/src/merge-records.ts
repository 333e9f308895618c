import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { objectOf } from './live-app';
import { type Repointed, repoint } from './merge-repoint';
import type { RecordRow } from './record-columns';
import { inTransaction, type RecordContext, requireAction } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import { getRecord } from './record-read';
import { setDeleted, updateRecord } from './record-write';

/** Which two records, and which fields the survivor takes from the loser (the rest it keeps). */
export interface MergeRequest {
  survivorId: string;
  loserId: string;
  take: readonly string[];
}

export interface MergeResult {
  mergeId: string;
  survivorId: string;
  loserId: string;
  /** Records of other objects (in the recycle bin too) and child-table lines now pointing at the survivor instead of the loser. */
  repointed: number;
}

/** Values no one writes: the system computes them. */
const COMPUTED = new Set<FieldDefinition['type']>(['formula', 'auto_number', 'related_list']);

/** A line as a write sends it: its field values, and its id when it is the same line. */
function lineValues(child: ObjectDefinition, line: RecordRow, keepId: boolean): RecordRow {
  const values: RecordRow = keepId ? { id: line.id } : {};
  for (const field of child.fields) if (!COMPUTED.has(field.type) && field.id in line) values[field.id] = line[field.id];
  return values;
}

/**
 * The survivor's patch and what it replaces. A taken field gets the loser's value; a taken child
 * table gets the loser's lines after its own (copies: the loser keeps its lines, so an undo
 * only has to give the survivor back the lines it had).
 */
function mergedValues(ctx: RecordContext, object: ObjectDefinition, survivor: RecordRow, loser: RecordRow, take: readonly string[]) {
  const patch: RecordRow = {};
  const before: RecordRow = {};
  const issues: FieldIssue[] = [];
  take.forEach((id, index) => {
    const field = object.fields.find((f) => f.id === id);
    if (!field || COMPUTED.has(field.type)) {
      issues.push({ field: id, pointer: `/take/${index}`, code: 'merge.field_not_mergeable', params: { field: id }, label: field?.label });
      return;
    }
    if (field.type === 'child_table') {
      const child = objectOf(ctx.app, field.target ?? '', { allowChild: true });
      const own = ((survivor[id] as RecordRow[] | undefined) ?? []).map((line) => lineValues(child, line, true));
      patch[id] = [...own, ...((loser[id] as RecordRow[] | undefined) ?? []).map((line) => lineValues(child, line, false))];
      before[id] = own;
      return;
    }
    patch[id] = loser[id] ?? null;
    before[id] = survivor[id] ?? null;
  });
  if (issues.length) throw new RecordError('record.invalid', issues, { count: issues.length });
  return { patch, before };
}

/**
 * Merges the loser into the survivor in one transaction, all through the write path: the
 * survivor takes the chosen values (one update, its history row and event), every reference to
 * the loser moves to the survivor, the loser goes to the recycle bin, and a `record_merges` row
 * points from the loser to the survivor with what an undo needs. The loser's own history stays
 * under its id, reachable from the survivor through that row.
 */
export async function mergeRecords(ctx: RecordContext, objectId: string, request: MergeRequest): Promise<MergeResult> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'update', object);
  requireAction(ctx, 'delete', object);
  if (request.survivorId === request.loserId) throw new RecordError('merge.same_record');
  return inTransaction(ctx, async (tx) => {
    const survivor = await getRecord(tx, objectId, request.survivorId);
    const loser = await getRecord(tx, objectId, request.loserId);
    const { patch, before } = mergedValues(tx, object, survivor, loser, request.take);
    if (Object.keys(patch).length) await updateRecord(tx, objectId, request.survivorId, { version: Number(survivor.version), values: patch }, 'merge');
    const repointed = await repoint(tx, object, request.loserId, request.survivorId);
    await setDeleted(tx, objectId, request.loserId, true, 'merge');
    const after = await getRecord(tx, objectId, request.survivorId);
    const row = await tx.db
      .insertInto('record_merges')
      .values({
        app_id: tx.app.appId,
        object_id: object.id,
        survivor_id: request.survivorId,
        loser_id: request.loserId,
        survivor_before: JSON.stringify(before),
        survivor_version: Number(after.version),
        repointed: JSON.stringify(repointed),
        created_by: tx.access.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { mergeId: row.id, survivorId: request.survivorId, loserId: request.loserId, repointed: repointed.reduce((n, r) => n + r.ids.length, 0) };
  });
}

/**
 * Undoes a merge exactly, in one transaction: the loser comes back from the recycle bin, the
 * records moved to the survivor point at the loser again, and the survivor gets back the values
 * and lines it had. Refused once the survivor changed after the merge (its values would be lost).
 */
export async function undoMerge(ctx: RecordContext, objectId: string, mergeId: string): Promise<{ survivorId: string; loserId: string }> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'update', object);
  requireAction(ctx, 'delete', object);
  return inTransaction(ctx, async (tx) => {
    const { rows } = await sql<{ survivor_id: string; loser_id: string; survivor_before: RecordRow; survivor_version: number; repointed: Repointed[] }>`
      select survivor_id, loser_id, survivor_before, survivor_version, repointed from record_merges
      where id = ${mergeId}::uuid and app_id = ${tx.app.appId} and object_id = ${object.id} and undone_at is null for update`.execute(tx.db);
    const merge = rows[0];
    if (!merge) throw new RecordError('record.not_found');
    const [survivorId, loserId] = [String(merge.survivor_id), String(merge.loser_id)];
    const survivor = await getRecord(tx, objectId, survivorId);
    if (Number(survivor.version) !== merge.survivor_version)
      throw new RecordError('merge.changed_since', [], { current: Number(survivor.version), merged: merge.survivor_version });
    await setDeleted(tx, objectId, loserId, false, 'merge');
    await repoint(tx, object, survivorId, loserId, merge.repointed);
    if (Object.keys(merge.survivor_before).length) {
      const current = await getRecord(tx, objectId, survivorId);
      await updateRecord(tx, objectId, survivorId, { version: Number(current.version), values: merge.survivor_before }, 'merge');
    }
    await tx.db.updateTable('record_merges').set({ undone_at: new Date(), undone_by: tx.access.actor.userId }).where('id', '=', mergeId).execute();
    return { survivorId, loserId };
  });
}

/** The merges a record survived (newest first) and the one it was merged away in, if any: how its losers' histories are reached. */
export async function mergesOf(ctx: RecordContext, objectId: string, recordId: string) {
  const object = objectOf(ctx.app, objectId);
  await getRecord(ctx, objectId, recordId, { deleted: true });
  const rows = await ctx.db
    .selectFrom('record_merges')
    .select(['id', 'survivor_id', 'loser_id', 'created_by', 'created_at', 'undone_at'])
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', object.id)
    .where((eb) => eb.or([eb('survivor_id', '=', recordId), eb('loser_id', '=', recordId)]))
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    survivorId: r.survivor_id,
    loserId: r.loser_id,
    createdBy: r.created_by,
    at: r.created_at.toISOString(),
    undone: r.undone_at !== null,
  }));
}
