import sanitizeHtml from 'sanitize-html';
import type { RecordContext } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import { getRecord } from './record-read';

/**
 * Discussion on a record ("customer 360"). Whoever may read the record may read and add comments;
 * a comment's body is sanitized rich text; mentions name active users (their inbox and
 * notifications come with the flow engine). Authors remove their own comments (kept as deleted).
 */
export async function listComments(ctx: RecordContext, objectId: string, recordId: string) {
  await getRecord(ctx, objectId, recordId);
  const rows = await ctx.db
    .selectFrom('record_comments')
    .select(['id', 'author_id', 'body', 'mentions', 'created_at'])
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', objectId)
    .where('record_id', '=', recordId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'asc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ id: r.id, authorId: r.author_id, body: r.body, mentions: r.mentions, createdAt: r.created_at.toISOString() }));
}

export async function addComment(
  ctx: RecordContext,
  objectId: string,
  recordId: string,
  input: { body: string; mentions: readonly string[] },
): Promise<string> {
  await getRecord(ctx, objectId, recordId);
  const body = sanitizeHtml(input.body).trim();
  const mentions = [...new Set(input.mentions)];
  const issues: FieldIssue[] = [];
  if (!body) issues.push({ field: 'body', pointer: '/body', code: 'field.required', params: { field: 'body' } });
  if (mentions.length) {
    const found = await ctx.db.selectFrom('users').select('id').where('id', 'in', mentions).where('active', '=', true).execute();
    const known = new Set(found.map((u) => u.id));
    mentions.forEach((id, i) => {
      if (!known.has(id)) issues.push({ field: 'mentions', pointer: `/mentions/${i}`, code: 'field.relation_missing', params: { field: 'mentions' } });
    });
  }
  if (issues.length) throw new RecordError('record.invalid', issues, { count: issues.length });
  const row = await ctx.db
    .insertInto('record_comments')
    .values({ app_id: ctx.app.appId, object_id: objectId, record_id: recordId, author_id: ctx.access.actor.userId, body, mentions })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function removeComment(ctx: RecordContext, objectId: string, recordId: string, commentId: string): Promise<void> {
  await getRecord(ctx, objectId, recordId);
  const result = await ctx.db
    .updateTable('record_comments')
    .set({ deleted_at: new Date() })
    .where('id', '=', commentId)
    .where('record_id', '=', recordId)
    .where('author_id', '=', ctx.access.actor.userId ?? '')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new RecordError('record.not_found');
}
