import { CHILD_COLUMNS, type SqlType, SYSTEM_COLUMNS, sqlTypeOf } from '@tessera/meta';
import type { ObjectDefinition } from '@tessera/schemas';
import { DORMANT_FLAG } from './dormant';
import type { LiveApp } from './live-app';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schemas the server writes one object's records with (fast-json-stringify, through
 * Fastify's serializer compiler): typed per column, so a page of records is written by code made
 * for its shape instead of by a walk over every value.
 *
 * Rules that keep the output the same as `JSON.stringify`'s, byte for byte:
 * - every type admits null and names exactly the JS type the value arrives as (numeric, date and
 *   uuid as text, timestamps as ISO text): a value of another type makes the writer throw rather
 *   than coerce it;
 * - properties come in the order a read builds the row (system columns, stored fields, rollups,
 *   the dormant flag, child rows, `_display`, `_lineCounts`), as fast-json-stringify writes the
 *   schema's properties first and then any others;
 * - nothing is `required` and nothing has a `default`: a field the reader may not see is absent
 *   from the row (the access layer leaves it out) and stays absent, never written back as null;
 * - `additionalProperties: true`: a key the schema does not name is still written, never dropped.
 */
export interface RecordJsonSchemas {
  /** One record, as `GET …/:id`, create and update answer it (with its child rows). */
  record: JsonSchema;
  /** A page of records, as `GET …/records` and `POST …/records/query` answer it. */
  list: JsonSchema;
}

const nullable = (type: string): JsonSchema => ({ type: [type, 'null'] });
const text = nullable('string');
/** Whatever the value is, written by JSON.stringify: jsonb (attachments) and formulas computed on read. */
const anyValue: JsonSchema = {};

const BY_SQL_TYPE: Record<SqlType, JsonSchema> = {
  text,
  numeric: text,
  date: text,
  timestamptz: text,
  uuid: text,
  boolean: nullable('boolean'),
  'text[]': { type: ['array', 'null'], items: text },
  jsonb: anyValue,
};

const SYSTEM_SCHEMA: Record<(typeof SYSTEM_COLUMNS)[number] | (typeof CHILD_COLUMNS)[number], JsonSchema> = {
  id: text,
  version: { type: 'integer' },
  owner_id: text,
  department_id: text,
  created_at: text,
  created_by: text,
  updated_at: text,
  updated_by: text,
  deleted_at: text,
  parent_id: text,
  sort_index: { type: 'integer' },
};

/** System columns and stored fields, in the order `selectableColumns` selects them. */
function columnProperties(object: ObjectDefinition, computedOnRead: ReadonlySet<string>): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const column of SYSTEM_COLUMNS) properties[column] = SYSTEM_SCHEMA[column];
  if (object.parent) for (const column of CHILD_COLUMNS) properties[column] = SYSTEM_SCHEMA[column];
  for (const field of object.fields) {
    const sqlType = sqlTypeOf(field);
    if (sqlType && !computedOnRead.has(field.id)) properties[field.id] = BY_SQL_TYPE[sqlType];
  }
  return properties;
}

const open = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, additionalProperties: true });

export function buildRecordJsonSchemas(app: LiveApp, object: ObjectDefinition): RecordJsonSchemas {
  const rollups = (app.rollups.get(object.id) ?? []).map((r) => r.fieldId);
  const properties = columnProperties(object, new Set(rollups));
  // A rollup's SQL decides its JS type (a count may come back as a number or as text).
  for (const id of rollups) properties[id] = anyValue;
  properties[DORMANT_FLAG] = nullable('boolean');
  const listed = { ...properties };
  for (const field of object.fields) {
    const child = field.type === 'child_table' ? app.objects.get(field.target ?? '') : undefined;
    if (child) properties[field.id] = { type: ['array', 'null'], items: open(columnProperties(child, new Set())) };
  }
  const display = { type: 'object', additionalProperties: { type: ['string', 'null'] } };
  const record = open({ ...properties, _display: display });
  const listItem = open({ ...listed, _display: display, _lineCounts: { type: 'object', additionalProperties: { type: 'integer' } } });
  const list = {
    type: 'object',
    properties: {
      items: { type: 'array', items: listItem },
      total: { type: ['integer', 'null'] },
      totalIsEstimate: { type: 'boolean' },
      nextCursor: text,
      sums: { type: 'object', additionalProperties: { type: 'string' } },
    },
    additionalProperties: true,
  };
  return { record, list };
}

/**
 * The schemas of one object of a live version, built once and kept with that version: a publish
 * compiles a new LiveApp (live-app.ts), so its records are written to the new shape from then on.
 */
export function recordJsonSchemas(app: LiveApp, objectId: string): RecordJsonSchemas | undefined {
  const object = app.objects.get(objectId);
  if (!object) return undefined;
  let schemas = app.jsonSchemas.get(objectId);
  if (!schemas) {
    schemas = buildRecordJsonSchemas(app, object);
    app.jsonSchemas.set(objectId, schemas);
  }
  return schemas;
}

/**
 * The schema an answer is to be written with, carried by the answer itself under a symbol (which
 * JSON.stringify and fast-json-stringify both skip): it names the version the rows were read
 * from, so a publish between the read and the write cannot pair rows with another version's shape.
 */
export const JSON_SHAPE: unique symbol = Symbol('tessera.recordJsonShape');

export function withJsonShape<T extends object>(value: T, schema: JsonSchema | undefined): T {
  if (schema) Object.defineProperty(value, JSON_SHAPE, { value: schema, enumerable: false });
  return value;
}

export function jsonShapeOf(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null ? (value as { [JSON_SHAPE]?: JsonSchema })[JSON_SHAPE] : undefined;
}
