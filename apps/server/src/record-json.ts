import { jsonShapeOf } from '@tessera/records';
import type { FastifyReply } from 'fastify';

/**
 * Writes a records answer with the serializer compiled from its object's schema in the version it
 * was read from (packages/records/src/record-json-schema.ts) instead of the route's open schema,
 * which leaves every field to JSON.stringify. Fastify compiles the schema with the route's
 * serializer compiler (fast-json-stringify) and caches the function in a WeakMap keyed by the
 * schema object, which lives as long as that live version: a publish brings new schema objects,
 * and the old functions go with the old version. An answer without a shape keeps the route's.
 */
export function inRecordShape<T>(reply: FastifyReply, answer: T): T {
  const schema = jsonShapeOf(answer);
  if (schema) {
    // A reply with its own serializer gets no content type from Fastify.
    reply.type('application/json; charset=utf-8').serializer(reply.compileSerializationSchema(schema, String(reply.statusCode)));
  }
  return answer;
}
