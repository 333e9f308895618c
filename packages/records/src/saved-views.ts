import { isSystemColumn } from '@tessera/meta';
import type { FilterCondition, ObjectDefinition, SortKey } from '@tessera/schemas';
import { objectOf } from './live-app';
import { queryableColumn } from './query-fields';
import type { RecordContext } from './record-context';
import { requireAction } from './record-context';
import { type FieldIssue, RecordError } from './record-error';

export interface ViewDefinition {
  name: string;
  filters: FilterCondition[];
  sort: SortKey[];
  columns: string[];
  /** The quick search the view was saved with; absent in views saved before it was kept. */
  search?: string;
  /** Column widths the user dragged, in pixels, by field id. */
  columnWidths?: Record<string, number>;
  /** The order a Kanban board of this view shows its cards in. */
  cardOrder?: SortKey;
}

function owner(ctx: RecordContext, objectId: string) {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'read', object);
  if (!ctx.access.actor.userId) throw new RecordError('record.forbidden', [], { action: 'read', object: object.id });
  return { object, userId: ctx.access.actor.userId };
}

/**
 * A view may only name what its owner can use: filters and sorts need a queryable, visible
 * column, columns a visible field. Saving a view is no way around a hidden field.
 */
function checkFields(ctx: RecordContext, object: ObjectDefinition, view: ViewDefinition): void {
  const hidden = ctx.access.hiddenFields(object.id);
  const queryable = (field: string) => queryableColumn(object, field, hidden) !== null;
  const shown = (field: string) => isSystemColumn(field) || object.fields.some((f) => f.id === field && !hidden.has(field));
  const refs: [string, string, boolean][] = [
    ...view.filters.map((f, i): [string, string, boolean] => [`/filters/${i}/field`, f.field, queryable(f.field)]),
    ...view.sort.map((k, i): [string, string, boolean] => [`/sort/${i}/field`, k.field, queryable(k.field)]),
    ...(view.cardOrder ? [['/cardOrder/field', view.cardOrder.field, queryable(view.cardOrder.field)] satisfies [string, string, boolean]] : []),
    ...view.columns.map((c, i): [string, string, boolean] => [`/columns/${i}`, c, shown(c)]),
    ...Object.keys(view.columnWidths ?? {}).map((c): [string, string, boolean] => [`/columnWidths/${c}`, c, shown(c)]),
  ];
  const issues: FieldIssue[] = refs.filter(([, , ok]) => !ok).map(([pointer, field]) => ({ field, pointer, code: 'query.unknown_field', params: { field } }));
  if (issues.length) throw new RecordError('query.invalid', issues, { count: issues.length });
}

export async function listSavedViews(ctx: RecordContext, objectId: string) {
  const { object, userId } = owner(ctx, objectId);
  const rows = await ctx.db
    .selectFrom('saved_views')
    .select(['id', 'name', 'definition', 'updated_at'])
    .where('user_id', '=', userId)
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', object.id)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, ...(r.definition as Omit<ViewDefinition, 'name'>), updatedAt: r.updated_at.toISOString() }));
}

export async function saveView(ctx: RecordContext, objectId: string, view: ViewDefinition, id?: string): Promise<string> {
  const { object, userId } = owner(ctx, objectId);
  checkFields(ctx, object, view);
  const { filters, sort, columns, search, columnWidths, cardOrder } = view;
  const definition = JSON.stringify({
    filters,
    sort,
    columns,
    ...(search ? { search } : {}),
    ...(columnWidths ? { columnWidths } : {}),
    ...(cardOrder ? { cardOrder } : {}),
  });
  const row = id
    ? await ctx.db
        .updateTable('saved_views')
        .set({ name: view.name, definition, updated_at: new Date() })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .returning('id')
        .executeTakeFirst()
        .catch((error: { code?: string; constraint?: string }) => {
          // Renamed to a name another of the owner's views has: insert overwrites by name, a rename must not.
          if (error.code === '23505' && error.constraint === 'saved_views_name')
            throw new RecordError('view.name_taken', [{ field: 'name', pointer: '/name', code: 'view.name_taken', params: { name: view.name } }], {
              name: view.name,
            });
          throw error;
        })
    : await ctx.db
        .insertInto('saved_views')
        .values({ user_id: userId, app_id: ctx.app.appId, object_id: object.id, name: view.name, definition })
        .onConflict((oc) => oc.constraint('saved_views_name').doUpdateSet({ definition, updated_at: new Date() }))
        .returning('id')
        .executeTakeFirst();
  if (!row) throw new RecordError('record.not_found');
  return row.id;
}

export async function deleteView(ctx: RecordContext, objectId: string, id: string): Promise<void> {
  const { userId } = owner(ctx, objectId);
  await ctx.db.deleteFrom('saved_views').where('id', '=', id).where('user_id', '=', userId).execute();
}
