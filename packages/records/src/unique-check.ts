import { sql } from 'kysely';
import { tableRef } from '@tessera/meta';
import { requireAction, type RecordContext } from './record-context';
import { objectOf } from './live-app';
import { RecordError } from './record-error';

/**
 * "Is this value already taken?" for a field marked unique, asked while the user types (on blur).
 * It answers yes or no only — what the unique index would answer on save anyway — after the
 * value is normalised like a write (a phone typed with +86 and spaces is the same phone).
 */
export async function isValueTaken(ctx: RecordContext, objectId: string, input: { field: string; value: unknown; excludeId?: string | undefined }): Promise<boolean> {
  const object = objectOf(ctx.app, objectId);
  if (!ctx.access.can('create', object.id)) requireAction(ctx, 'update', object);
  const field = object.fields.find((f) => f.id === input.field && f.unique);
  if (!field || ctx.access.hiddenFields(object.id).has(field.id)) {
    throw new RecordError('query.invalid', [{ field: input.field, pointer: '/field', code: 'query.unknown_field', params: { field: input.field } }], { count: 1 });
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
