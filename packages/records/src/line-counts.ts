import { tableRef } from '@tessera/meta';
import type { ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { childTableFields } from './child-rows';
import type { RecordRow } from './record-columns';
import type { RecordContext } from './record-context';

/** How many lines each child table of a listed record has, by child-table field id. */
export type LineCounts = Record<string, number>;

export interface LineCountPlan {
  /** The child-table fields counted: the object's, less those hidden from the actor. */
  fieldIds: string[];
  /** One select-list expression per field, for a query that names the table after the object. */
  selections: RawBuilder<unknown>[];
}

/** Field ids match `^[a-z]…`, so an alias starting with `_` never collides with a column. */
const alias = (fieldId: string) => `_line_count_${fieldId}`;

/**
 * A list shows "3 lines", not the lines: each child table is counted by a subquery correlated to
 * the listed row, in the list's own query (no extra round trip; an index lookup on the child's
 * `(parent_id, sort_index)` per row of the page). Lines have no row scope of their own: they are
 * seen with their record, so the count covers exactly the lines `GET …/:id` would return.
 */
export function planLineCounts(ctx: RecordContext, object: ObjectDefinition): LineCountPlan {
  const hidden = ctx.access.hiddenFields(object.id);
  const plan: LineCountPlan = { fieldIds: [], selections: [] };
  for (const field of childTableFields(object)) {
    const child = ctx.app.objects.get(field.target ?? '');
    if (!child || hidden.has(field.id)) continue;
    plan.fieldIds.push(field.id);
    // Unqualified `parent_id` is the line's (the listed object is never a child table itself);
    // `<object>.id` is the listed row's, as the child table always has another name.
    plan.selections.push(sql`(select count(*) from ${tableRef(ctx.app.appId, child.id)}
      where parent_id = ${sql.ref(`${object.id}.id`)})::integer as ${sql.id(alias(field.id))}`);
  }
  return plan;
}

/** Splits a listed row into the record's own columns and its line counts. */
export function takeLineCounts(row: RecordRow, plan: LineCountPlan): { row: RecordRow; counts: LineCounts } {
  const rest: RecordRow = { ...row };
  const counts: LineCounts = {};
  for (const fieldId of plan.fieldIds) {
    counts[fieldId] = Number(rest[alias(fieldId)] ?? 0);
    delete rest[alias(fieldId)];
  }
  return { row: rest, counts };
}
