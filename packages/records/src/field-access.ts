import type { ObjectDefinition } from '@tessera/schemas';
import type { RecordContext } from './record-context';
import { type FieldIssue, RecordError } from './record-error';

/**
 * Refuses a write that gives any of `fields` a value when the actor's role makes that field
 * read-only or hides it (`field.role_locked`): the actor may not choose those values. Values the
 * server works out itself — formula fields, and the defaults and setValue rules of the form a
 * write goes through — are the system's, and are never passed here.
 */
export function refuseLockedFields(ctx: RecordContext, object: ObjectDefinition, fields: Iterable<string>): void {
  const locked = new Set([...ctx.access.readOnlyFields(object.id), ...ctx.access.hiddenFields(object.id)]);
  const issues: FieldIssue[] = [...fields]
    .filter((key) => locked.has(key))
    .map((key) => ({
      field: key,
      pointer: `/values/${key}`,
      code: 'field.role_locked',
      params: { field: key },
      label: object.fields.find((f) => f.id === key)?.label,
    }));
  if (issues.length) throw new RecordError('record.invalid', issues, { count: issues.length });
}
