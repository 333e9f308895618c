import { sqlTypeOf, tableRef } from '@tessera/meta';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { objectOf } from './live-app';
import type { RefusedRow } from './prepare-write';
import { canonicalDecimal } from './record-columns';
import { type RecordContext, requireAction } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import type { RecordValues } from './record-validator';

/**
 * "Is this value already taken?" for a field marked unique, asked while the user types (on blur).
 * It answers yes or no only — what the unique index would answer on save anyway — after the
 * value is normalised like a write (a phone typed with +86 and spaces is the same phone).
 */
export async function isValueTaken(
  ctx: RecordContext,
  objectId: string,
  input: { field: string; value: unknown; excludeId?: string | undefined },
): Promise<boolean> {
  const object = objectOf(ctx.app, objectId);
  if (!ctx.access.can('create', object.id)) requireAction(ctx, 'update', object);
  const field = object.fields.find((f) => f.id === input.field && f.unique);
  if (!field || ctx.access.hiddenFields(object.id).has(field.id)) {
    throw new RecordError('query.invalid', [{ field: input.field, pointer: '/field', code: 'query.unknown_field', params: { field: input.field } }], {
      count: 1,
    });
  }
  const verdict = ctx.app.validator.validate(object, { [field.id]: input.value }, 'patch');
  if (!verdict.ok) throw new RecordError('record.invalid', verdict.issues, { count: verdict.issues.length });
  const value = verdict.values[field.id];
  if (value === null || value === undefined || value === '') return false;
  const exclude = input.excludeId ? sql`and id <> ${input.excludeId}` : sql``;
  const { rows } = await sql<{ taken: boolean }>`select exists (select 1 from ${tableRef(ctx.app.appId, object.id)}
    where ${sql.ref(field.id)} = ${value} and deleted_at is null ${exclude}) as taken`.execute(ctx.db);
  return rows[0]?.taken === true;
}

/**
 * New rows whose value of a unique field is already taken — by a live record, or by an earlier
 * row of the same batch — one query per unique field for the whole batch. A batch can then write
 * its other rows instead of failing on the index.
 */
export async function uniqueConflicts(
  ctx: RecordContext,
  object: ObjectDefinition,
  rows: readonly { index: number; values: RecordValues }[],
): Promise<RefusedRow[]> {
  const issues = new Map<number, FieldIssue[]>();
  const refuse = (index: number, field: FieldDefinition) => {
    issues.set(index, [
      ...(issues.get(index) ?? []),
      { field: field.id, pointer: `/values/${field.id}`, code: 'field.unique', params: { field: field.id }, label: field.label },
    ]);
  };
  for (const field of object.fields.filter((f) => f.unique && !f.encrypted)) {
    const valued = rows.filter((r) => r.values[field.id] !== null && r.values[field.id] !== undefined && r.values[field.id] !== '');
    if (valued.length === 0) continue;
    const values = [...new Set(valued.map((r) => String(r.values[field.id])))];
    const { rows: found } = await sql<{ value: string }>`select ${sql.ref(field.id)}::text as value from ${tableRef(ctx.app.appId, object.id)}
      where ${sql.ref(field.id)} = any(${values}::${sql.raw(sqlTypeOf(field) ?? 'text')}[]) and deleted_at is null`.execute(ctx.db);
    const taken = new Set(found.map((r) => canonical(field, r.value)));
    for (const row of valued) {
      const key = canonical(field, String(row.values[field.id]));
      if (taken.has(key)) refuse(row.index, field);
      taken.add(key);
    }
  }
  return [...issues].map(([index, list]) => ({ index, issues: list }));
}

/** A unique value as the index compares it: numbers by value ('1.50' = '1.5'), ids in any case, the rest as text. */
function canonical(field: FieldDefinition, value: string): string {
  const type = sqlTypeOf(field);
  if (type === 'numeric') return canonicalDecimal(value);
  return type === 'uuid' ? value.toLowerCase() : value;
}
