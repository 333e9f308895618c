import type { Kysely } from 'kysely';
import type { SystemTables } from '@tessera/db';
import type { AccessPolicy, FieldCipher, RecordAction } from '@tessera/access';
import type { ObjectDefinition } from '@tessera/schemas';
import type { LiveApp } from './live-app';
import { RecordError } from './record-error';

/** Everything one record operation needs: the database, the live app, and who is asking. */
export interface RecordContext {
  db: Kysely<SystemTables>;
  app: LiveApp;
  access: AccessPolicy;
  /** Seals and opens encrypted fields; null when the server has no key. */
  cipher: FieldCipher | null;
}

export function requireAction(ctx: RecordContext, action: RecordAction, object: ObjectDefinition): void {
  if (!ctx.access.can(action, object.id)) throw new RecordError('record.forbidden', [], { action, object: object.id });
}
