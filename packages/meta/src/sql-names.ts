import { createHash } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import { appSchemaName } from './system-columns';

/** A record table, schema-qualified and quoted. Ids are validated identifiers; quoting is belt and braces. */
export function tableRef(appId: string, objectId: string): RawBuilder<unknown> {
  return sql.id(appSchemaName(appId), objectId);
}

/** Sequences live in the app's schema; hashed so long object and field ids stay under 63 bytes. */
export function sequenceName(objectId: string, fieldId: string): string {
  return `seq_${createHash('sha1').update(`${objectId}.${fieldId}`).digest('hex').slice(0, 12)}`;
}

export function sequenceRef(appId: string, objectId: string, fieldId: string): RawBuilder<unknown> {
  return sql.id(appSchemaName(appId), sequenceName(objectId, fieldId));
}

/** The sequence as text for `nextval($1::regclass)`: a function argument, not an identifier. */
export function sequenceRegclass(appId: string, objectId: string, fieldId: string): string {
  return `"${appSchemaName(appId)}"."${sequenceName(objectId, fieldId)}"`;
}
