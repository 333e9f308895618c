import type { RecordTables } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import { appSchemaName, SYSTEM_COLUMNS, sqlTypeOf } from '@tessera/meta';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { type Kysely, type RawBuilder, sql } from 'kysely';

export type RecordRow = Record<string, unknown>;

/** Kysely over one app's record tables; their columns are only known at run time. */
export function recordDb(db: Kysely<SystemTables>, appId: string): Kysely<RecordTables> {
  return db.withSchema(appSchemaName(appId)) as unknown as Kysely<RecordTables>;
}

/** Fields stored as a column of the object's own table (a child table's rows live elsewhere). */
export function columnFields(object: ObjectDefinition, hidden: ReadonlySet<string> = new Set()): FieldDefinition[] {
  return object.fields.filter((f) => sqlTypeOf(f) !== null && !hidden.has(f.id));
}

/** What a read selects: system columns and live fields, never a retired column. */
export function selectableColumns(object: ObjectDefinition, hidden: ReadonlySet<string>, computedOnRead: ReadonlySet<string> = new Set()): string[] {
  const system: string[] = [...SYSTEM_COLUMNS];
  if (object.parent) system.push('parent_id', 'sort_index');
  return [
    ...system,
    ...columnFields(object, hidden)
      .filter((f) => !computedOnRead.has(f.id))
      .map((f) => f.id),
  ];
}

/** A value as a query parameter: jsonb columns get JSON text (pg would turn a JS array into a SQL array). */
export function toColumnValue(field: FieldDefinition, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'attachment' || field.type === 'image') return JSON.stringify(value);
  return value;
}

export function columnValueSql(field: FieldDefinition, value: unknown): RawBuilder<unknown> {
  const v = toColumnValue(field, value);
  return field.type === 'attachment' || field.type === 'image' ? sql`${v}::jsonb` : sql`${v}`;
}

/** The JSON a client gets: timestamps as ISO text; numeric, dates and ids already arrive as text. */
export function toRecordJson(row: RecordRow): RecordRow {
  const out: RecordRow = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out;
}

/** Decimal text without insignificant zeros: '010.50' → '10.5'. */
export function canonicalDecimal(text: string): string {
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return trimmed.replace(/^(-?)0+(?=\d)/, '$1');
}

/** Equal as stored values? Decimal text compares by value ('10.50' = '10.5'), timestamps by instant. */
export function sameValue(field: FieldDefinition, before: unknown, after: unknown): boolean {
  if (before === null || before === undefined) return after === null || after === undefined;
  if (after === null || after === undefined) return false;
  if (['number', 'currency', 'percent'].includes(field.type)) return canonicalDecimal(String(before)) === canonicalDecimal(String(after));
  if (field.type === 'datetime')
    return new Date(String(before instanceof Date ? before.toISOString() : before)).getTime() === new Date(String(after)).getTime();
  return JSON.stringify(before) === JSON.stringify(after);
}
