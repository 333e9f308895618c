import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
import { MetaError } from './issue';
import { tableRef } from './sql-names';

/**
 * Drops a retired column, or a retired object's table, for good. The only path that deletes
 * record data in bulk: explicit, named, and refused for anything still live.
 */
export async function purgeRetired(
  db: Kysely<SystemTables>,
  appId: string,
  target: { object: string; field?: string | undefined },
): Promise<{ purged: string }> {
  const name = target.field ? `${target.object}.${target.field}` : target.object;
  return db.transaction().execute(async (tx) => {
    const app = await tx.selectFrom('meta_apps').select('id').where('id', '=', appId).forUpdate().executeTakeFirst();
    if (!app) throw new MetaError('meta.app_not_found', 404, [], { id: appId });
    const row = await tx
      .selectFrom('meta_columns')
      .select(['retired_at'])
      .where('app_id', '=', appId)
      .where('object_id', '=', target.object)
      .where('field_id', '=', target.field ?? '')
      .executeTakeFirst();
    if (!row) throw new MetaError('meta.purge_unknown', 404, [], { target: name });
    if (row.retired_at === null) throw new MetaError('meta.purge_active', 409, [], { target: name });
    if (target.field) {
      await sql`alter table ${tableRef(appId, target.object)} drop column ${sql.ref(target.field)}`.execute(tx);
      await tx.deleteFrom('meta_columns').where('app_id', '=', appId).where('object_id', '=', target.object).where('field_id', '=', target.field).execute();
    } else {
      await sql`drop table ${tableRef(appId, target.object)} cascade`.execute(tx);
      await tx.deleteFrom('meta_columns').where('app_id', '=', appId).where('object_id', '=', target.object).execute();
    }
    return { purged: name };
  });
}
