import sanitizeHtml from 'sanitize-html';
import type { RecordContext } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import { getRecord } from './record-read';

/**
 * Discussion on a record ("customer 360"). Whoever may read the record may read and add comments;
 * a comment's body is sanitized rich text; mentions name active users, and the people a saved
 * comment newly mentions are told by whoever calls (apps/server mention-notifications.ts, which
 * asks the access layer whether each may read the record). Authors edit and remove their own
 * comments (removed ones are kept as deleted).
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

/** A comment as written: sanitized body, each person mentioned once. */
interface CommentInput {
  body: string;
  mentions: readonly string[];
}

/** The body sanitized and the mentions checked (active users, each once); refuses an empty body or an unknown person. */
async function checkedComment(ctx: RecordContext, input: CommentInput): Promise<{ body: string; mentions: string[] }> {
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
  return { body, mentions };
}

/** A saved comment and the people it mentions for the first time (every mention of a new comment). */
export interface SavedComment {
  id: string;
  newMentions: string[];
}

export async function addComment(ctx: RecordContext, objectId: string, recordId: string, input: CommentInput): Promise<SavedComment> {
  await getRecord(ctx, objectId, recordId);
  const { body, mentions } = await checkedComment(ctx, input);
  const row = await ctx.db
    .insertInto('record_comments')
    .values({ app_id: ctx.app.appId, object_id: objectId, record_id: recordId, author_id: ctx.access.actor.userId, body, mentions })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, newMentions: mentions };
}

/**
 * The author rewrites one of their comments. Only people the comment did not mention before count
 * as newly mentioned: someone already told is not told again for a typo fixed.
 */
export async function editComment(ctx: RecordContext, objectId: string, recordId: string, commentId: string, input: CommentInput): Promise<SavedComment> {
  await getRecord(ctx, objectId, recordId);
  const { body, mentions } = await checkedComment(ctx, input);
  // Locked, so two edits at once cannot both count the same person as new.
  const before = await ctx.db
    .selectFrom('record_comments')
    .select('mentions')
    .where('id', '=', commentId)
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', objectId)
    .where('record_id', '=', recordId)
    .where('author_id', '=', ctx.access.actor.userId ?? '')
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw new RecordError('record.not_found');
  await ctx.db.updateTable('record_comments').set({ body, mentions }).where('id', '=', commentId).execute();
  const told = new Set(before.mentions);
  return { id: commentId, newMentions: mentions.filter((id) => !told.has(id)) };
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
