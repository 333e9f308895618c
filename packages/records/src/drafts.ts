import { sql } from 'kysely';
import { objectOf } from './live-app';
import type { RecordContext } from './record-context';
import { RecordError } from './record-error';

/**
 * Unfinished forms, autosaved as the user types and resumed later (on another device too).
 * A draft is the user's own, is not validated (it is unfinished), keeps only the object's fields,
 * and never holds the plain text of an encrypted field.
 */
function requireWriter(ctx: RecordContext, objectId: string) {
  const object = objectOf(ctx.app, objectId);
  if (!ctx.access.actor.userId || !(ctx.access.can('create', object.id) || ctx.access.can('update', object.id))) {
    throw new RecordError('record.forbidden', [], { action: 'update', object: object.id });
  }
  return { object, userId: ctx.access.actor.userId };
}

export async function saveDraft(ctx: RecordContext, objectId: string, key: string, values: Record<string, unknown>): Promise<void> {
  const { object, userId } = requireWriter(ctx, objectId);
  const kept = Object.fromEntries(object.fields.filter((f) => !f.encrypted && f.id in values).map((f) => [f.id, values[f.id]]));
  await ctx.db
    .insertInto('form_drafts')
    .values({ user_id: userId, app_id: ctx.app.appId, object_id: object.id, draft_key: key, values: JSON.stringify(kept) })
    .onConflict((oc) => oc.columns(['user_id', 'app_id', 'object_id', 'draft_key']).doUpdateSet({ values: JSON.stringify(kept), updated_at: sql`now()` }))
    .execute();
}

export async function readDraft(ctx: RecordContext, objectId: string, key: string) {
  const { object, userId } = requireWriter(ctx, objectId);
  const row = await ctx.db
    .selectFrom('form_drafts')
    .select(['values', 'updated_at'])
    .where('user_id', '=', userId)
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', object.id)
    .where('draft_key', '=', key)
    .executeTakeFirst();
  if (!row) throw new RecordError('record.not_found');
  return { key, values: row.values, updatedAt: row.updated_at.toISOString() };
}

export async function listDrafts(ctx: RecordContext, objectId: string) {
  const { object, userId } = requireWriter(ctx, objectId);
  const rows = await ctx.db
    .selectFrom('form_drafts')
    .select(['draft_key', 'updated_at'])
    .where('user_id', '=', userId)
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', object.id)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map((r) => ({ key: r.draft_key, updatedAt: r.updated_at.toISOString() }));
}

export async function deleteDraft(ctx: RecordContext, objectId: string, key: string): Promise<void> {
  const { object, userId } = requireWriter(ctx, objectId);
  await ctx.db
    .deleteFrom('form_drafts')
    .where('user_id', '=', userId)
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', object.id)
    .where('draft_key', '=', key)
    .execute();
}
