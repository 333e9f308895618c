import type { ObjectDefinition } from '@tessera/schemas';
import type { LiveApp } from './live-app';
import { RecordError } from './record-error';

interface PgError {
  code?: string;
  constraint?: string;
  table?: string;
  detail?: string;
}

/** Maps a unique or foreign-key violation raised by PostgreSQL to the field it concerns. */
export function translateConstraintError(app: LiveApp, object: ObjectDefinition, error: unknown): RecordError | null {
  const pg = error as PgError;
  // A client-chosen id already taken: every object table's primary key is its id.
  if (pg?.code === '23505' && pg.constraint?.endsWith('_pkey')) {
    const id = /^Key \(id\)=\(([^)]*)\)/.exec(pg.detail ?? '')?.[1] ?? '';
    return new RecordError('record.id_taken', [{ field: 'id', pointer: '/id', code: 'record.id_taken', params: { id } }], { id });
  }
  if (pg?.code !== '23505' && pg?.code !== '23503') return null;
  const key = pg.code === '23503' ? `${pg.table ?? object.id}:${pg.constraint ?? ''}` : (pg.constraint ?? '');
  const guarded = app.constraintField.get(key);
  if (!guarded) return null;
  const owner = app.objects.get(guarded.object);
  const field = owner?.fields.find((f) => f.id === guarded.field);
  const code = pg.code === '23505' ? 'field.unique' : 'field.relation_missing';
  return new RecordError(
    'record.invalid',
    [{ field: guarded.field, pointer: `/values/${guarded.field}`, code, params: { field: guarded.field }, label: field?.label }],
    { count: 1 },
  );
}
