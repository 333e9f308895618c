import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncJsonSchemaToTs, JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyPluginOptions } from 'fastify';

/**
 * What a handler may hand over for a response schema: fast-json-stringify writes a Date under
 * `format: 'date-time'` as its ISO string, and Fastify sends a stream or a buffer as it is.
 */
interface SerializerSchemaOptions {
  deserialize: [
    { pattern: { type: 'string'; format: 'date-time' }; output: Date | string },
    { pattern: { type: 'string'; format: 'binary' }; output: Readable | Buffer },
  ];
}

/** Request and reply types come from the route's schemas (json-schema-to-ts), never from a copy beside them. */
export type TypeProvider = JsonSchemaToTsProvider<{ SerializerSchemaOptions: SerializerSchemaOptions }>;

/** A plugin of routes typed by their schemas. */
export type RoutePlugin<Options extends FastifyPluginOptions = Record<never, never>> = FastifyPluginAsyncJsonSchemaToTs<{
  Options: Options;
  SerializerSchemaOptions: SerializerSchemaOptions;
}>;

/** An app, object, field or role id. */
export const identifier = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' } as const;
export const uuid = { type: 'string', format: 'uuid' } as const;
export const nullableUuid = { anyOf: [uuid, { type: 'null' }] } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const nullableString = { type: ['string', 'null'] } as const;
/** A version or revision number as its column holds it (PostgreSQL integer): 1e308 is an integer to JSON Schema, not to the column. */
export const versionNumber = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;

export const idParams = { type: 'object', properties: { id: uuid }, required: ['id'] } as const;
/** An app document, checked by the metadata store's own validator rather than here. */
export const appDocument = { type: 'object', additionalProperties: true, description: 'An app document: see schemas/json/app.schema.json' } as const;
export const appParams = { type: 'object', properties: { appId: identifier }, required: ['appId'] } as const;
export const objectParams = { type: 'object', properties: { appId: identifier, objectId: identifier }, required: ['appId', 'objectId'] } as const;
export const recordParams = {
  type: 'object',
  properties: { appId: identifier, objectId: identifier, recordId: uuid },
  required: ['appId', 'objectId', 'recordId'],
} as const;

/** The answer of a create: the new row's id. */
export const created = { type: 'object', properties: { id: uuid }, required: ['id'], additionalProperties: false } as const;
/**
 * A 204. Its handler answers `reply.status(204).send(null)`, the payload this schema types: Fastify
 * sends no body and no content type with a 204, and @fastify/swagger documents no content.
 */
export const noContent = { type: 'null', description: 'No content' } as const;

/**
 * A record's keys are its object's field ids, known only at run time. A response schema drops
 * what it does not declare, so a record is an open object: every key goes out as it is.
 */
export const record = { type: 'object', additionalProperties: true, description: 'A record: system columns, field values and `_display`' } as const;
/** A record in a list: no child rows, but how many lines each child table has. */
export const listedRecord = {
  type: 'object',
  additionalProperties: true,
  description: 'A record as in `GET …/:id`, without child rows',
  properties: {
    _display: {
      type: 'object',
      additionalProperties: { type: ['string', 'null'] },
      description: 'Display text of related records and region names, by field id',
    },
    _lineCounts: {
      type: 'object',
      additionalProperties: { type: 'integer', minimum: 0 },
      description: 'Number of lines of each child table, by child-table field id (objects with child tables only)',
    },
  },
} as const;

/**
 * RFC 9457 problem details as `problem()` in problem.ts builds them. Open, like a record: a
 * problem may carry extension members, and an error item more than these four.
 */
export const problemSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    type: { type: 'string' },
    title: { type: 'string', description: "In the caller's language" },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable, for programs: `record.invalid`, `auth.required`, …' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        // No `required`: fast-json-stringify writes required keys first, and these keep their order.
        properties: {
          pointer: { type: 'string', description: 'JSON pointer to what is wrong: into the request, or into the app document' },
          field: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
  required: ['type', 'title', 'status', 'code'],
} as const;

/**
 * Every error leaves as problem+json (problem.ts). Keyed by that media type, this schema
 * serializes only what sendProblem sends; anything else Fastify sends as before.
 */
export const problemResponse = { description: 'Problem details (RFC 9457)', content: { 'application/problem+json': { schema: problemSchema } } } as const;
