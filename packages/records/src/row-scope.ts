import type { RecordTables, RowAction } from '@tessera/access';
import type { ObjectDefinition } from '@tessera/schemas';
import { expressionBuilder, type RawBuilder, sql } from 'kysely';
import type { RecordContext } from './record-context';

/**
 * The actor's row scope on `object` as SQL, for queries that name the table by its own name
 * (`from app_x.customer`): the policy's predicate, or `true` when it sees every row.
 */
export function rowScopeSql(ctx: RecordContext, object: ObjectDefinition, action: RowAction = 'read'): RawBuilder<unknown> {
  return rowScopeAt(ctx, object, object.id, action);
}

/** The actor's row scope on `object` for rows aliased `alias` (a rollup's related rows, a join). */
export function rowScopeAt(ctx: RecordContext, object: ObjectDefinition, alias: string, action: RowAction = 'read'): RawBuilder<unknown> {
  const predicate = ctx.access.rowScope(object.id, alias, expressionBuilder<RecordTables, string>(), action);
  return predicate ? sql`(${predicate})` : sql`true`;
}
