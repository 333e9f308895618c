import { fullAccess } from '@tessera/access';
import type { ChangeSource } from '@tessera/events';
import { tableRef } from '@tessera/meta';
import { sql } from 'kysely';
import { objectOf } from './live-app';
import { prepareUpdates, type RefusedRow, validated } from './prepare-write';
import { type RecordRow, selectableColumns } from './record-columns';
import { inTransaction, type RecordContext, requireAction } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import { lookupByField } from './record-lookup';
import { checkReferencesMany } from './record-references';
import type { RecordValues } from './record-validator';
import { guarded } from './record-write';
import { chunks, ROWS_PER_STATEMENT } from './recordset';
import { rowScopeSql } from './row-scope';
import { refusedWrites } from './write-guard';
import { updateMany } from './write-rows';

/** One record's edit in a batch: its id and the values to set (a patch: fields left out stay). */
export interface RecordEdit {
  id: string;
  values: unknown;
}

export interface UpdateEachResult {
  /** Edits applied, by their place in the batch (an edit that changed nothing counts). */
  updated: { index: number; id: string }[];
  /** Edits refused, with their issues (`record.not_found` when the record is out of reach or gone). */
  refused: RefusedRow[];
}

const notFound = (index: number): RefusedRow => ({ index, issues: [{ field: '', pointer: '', code: 'record.not_found', params: {} }] });

function rowIssues(check: () => RecordValues): { ok: true; values: RecordValues } | { ok: false; issues: readonly FieldIssue[] } {
  try {
    return { ok: true, values: check() };
  } catch (error) {
    if (error instanceof RecordError && error.code === 'record.invalid') return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * Edits many records, each with its own values (an import updating the customers it matched,
 * an undo putting back what an import changed), set-based in one transaction: each edit is
 * validated like a PATCH, the records are locked within the actor's scope, then per few thousand
 * records one statement per shape writes the rows, their history rows and events. A refused
 * edit is reported by index and the others go on; unique values already taken by another record
 * are refused before they reach the index.
 */
export async function updateEach(ctx: RecordContext, objectId: string, edits: readonly RecordEdit[], source: ChangeSource): Promise<UpdateEachResult> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'update', object);
  const refused: RefusedRow[] = [];
  const valid: { index: number; id: string; patch: RecordValues }[] = [];
  edits.forEach((edit, index) => {
    const verdict = rowIssues(() => validated(ctx, object, edit.values, 'patch'));
    if (verdict.ok) valid.push({ index, id: edit.id, patch: verdict.values });
    else refused.push({ index, issues: verdict.issues });
  });
  const updated: UpdateEachResult['updated'] = [];
  await guarded(ctx, object, () =>
    inTransaction(ctx, async (tx) => {
      const columns = selectableColumns(object, new Set()).map((c) => sql.ref(c));
      for (const part of chunks(valid, ROWS_PER_STATEMENT)) {
        const ids = [...new Set(part.map((p) => p.id))];
        const { rows } = await sql<RecordRow>`select ${sql.join(columns)} from ${tableRef(tx.app.appId, object.id)}
          where id = any(${ids}::uuid[]) and deleted_at is null and ${rowScopeSql(tx, object, 'read')} and ${rowScopeSql(tx, object, 'update')}
          order by id for update`.execute(tx.db);
        const current = new Map(rows.map((row) => [String(row.id), row]));
        const locked = await refusedWrites(tx, object.id, [...current.keys()], [...new Set(part.flatMap((p) => Object.keys(p.patch)))], source);
        const reachable = part.filter((p) => {
          const ok = current.has(p.id) && !locked.has(p.id);
          if (!ok)
            refused.push(locked.has(p.id) ? { index: p.index, issues: [{ field: '', pointer: '', code: 'record.locked', params: {} }] } : notFound(p.index));
          return ok;
        });
        // References per edit, so one bad user or file refuses its own edit only.
        const checked = await checkReferencesMany(
          tx,
          object,
          reachable.map((p) => ({ values: p.patch, current: current.get(p.id) ?? null })),
        );
        const referenced = reachable.filter((p, i) => {
          const issues = checked[i]!.issues;
          if (issues.length) refused.push({ index: p.index, issues });
          return issues.length === 0;
        });
        const taken = await takenByOthers(tx, object.id, referenced);
        for (const conflict of taken) refused.push(conflict);
        const writing = referenced.filter((p) => !taken.some((t) => t.index === p.index));
        const prepared = await prepareUpdates(
          tx,
          object,
          writing.map((p) => ({ current: current.get(p.id)!, patch: p.patch })),
        );
        await updateMany(tx, object, prepared, source);
        for (const p of writing) updated.push({ index: p.index, id: p.id });
      }
    }),
  );
  refused.sort((a, b) => a.index - b.index);
  return { updated, refused };
}

/**
 * Edits that would give a unique value another live record holds, or that an earlier edit of the
 * batch gives — one query per unique field; a record keeping its own value is no conflict.
 */
async function takenByOthers(
  ctx: RecordContext,
  objectId: string,
  edits: readonly { index: number; id: string; patch: RecordValues }[],
): Promise<RefusedRow[]> {
  const object = objectOf(ctx.app, objectId);
  const issues = new Map<number, FieldIssue[]>();
  for (const field of object.fields.filter((f) => f.unique && !f.encrypted)) {
    const valued = edits.filter((e) => e.patch[field.id] !== undefined && e.patch[field.id] !== null && e.patch[field.id] !== '');
    if (valued.length === 0) continue;
    const found = await lookupByField(
      { ...ctx, access: fullAccess(ctx.access.actor) },
      object.id,
      field.id,
      valued.map((e) => String(e.patch[field.id])),
    );
    const holder = new Map(found.map((f) => [f.value, f.id]));
    for (const edit of valued) {
      const value = String(edit.patch[field.id]);
      const owner = holder.get(value);
      if (owner !== undefined && owner !== edit.id) {
        issues.set(edit.index, [
          ...(issues.get(edit.index) ?? []),
          { field: field.id, pointer: `/values/${field.id}`, code: 'field.unique', params: { field: field.id }, label: field.label },
        ]);
      } else holder.set(value, edit.id);
    }
  }
  return [...issues].map(([index, list]) => ({ index, issues: list }));
}
