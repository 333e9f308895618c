import sanitizeHtml from 'sanitize-html';
import type { RecordContext } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import { getRecord } from './record-read';

/**
 * Discussion on a record ("customer 360"). Whoever may read the record may read and add comments;
 * a comment's body is sanitized rich text; mentions name active users, and the people a saved
 * comment newly mentions are told by whoever calls (apps/server mention-notifications.ts, which
 * asks the access layer whether each may read the record). Authors edit their own comments;
 * authors and administrators remove them (kept as deleted, listed as a placeholder).
 */
export async function listComments(ctx: RecordContext, objectId: string, recordId: string) {
  await getRecord(ctx, objectId, recordId);
  const rows = await ctx.db
    .selectFrom('record_comments')
    .select(['id', 'author_id', 'body', 'mentions', 'created_at', 'edited_at', 'version', 'deleted_at'])
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', objectId)
    .where('record_id', '=', recordId)
    .orderBy('created_at', 'asc')
    .limit(1000)
    .execute();
  // A removed comment stays in the thread as a placeholder (replies around it keep their sense), without its text.
  return rows.map((r) => ({
    id: r.id,
    authorId: r.author_id,
    body: r.deleted_at ? '' : r.body,
    mentions: r.deleted_at ? [] : r.mentions,
    createdAt: r.created_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
    version: r.version,
    deleted: r.deleted_at !== null,
  }));
}

/** A comment as written: sanitized body, each person mentioned once. */
interface CommentInput {
  body: string;
  mentions: readonly string[];
}

/** An edit: the new text, and the version the author started from when they know it. */
interface CommentEdit extends CommentInput {
  version?: number | undefined;
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
  version: number;
  newMentions: string[];
}

export async function addComment(ctx: RecordContext, objectId: string, recordId: string, input: CommentInput): Promise<SavedComment> {
  await getRecord(ctx, objectId, recordId);
  const { body, mentions } = await checkedComment(ctx, input);
  const row = await ctx.db
    .insertInto('record_comments')
    .values({ app_id: ctx.app.appId, object_id: objectId, record_id: recordId, author_id: ctx.access.actor.userId, body, mentions })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { id: row.id, version: row.version, newMentions: mentions };
}

/**
 * One live comment of this record, locked for the change about to be made: unknown, another
 * record's and removed ones are all "not found".
 */
async function lockedComment(ctx: RecordContext, objectId: string, recordId: string, commentId: string) {
  const row = await ctx.db
    .selectFrom('record_comments')
    .select(['author_id', 'mentions', 'version'])
    .where('id', '=', commentId)
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', objectId)
    .where('record_id', '=', recordId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new RecordError('comment.not_found');
  return row;
}

/**
 * The author rewrites one of their comments. Only people the comment did not mention before count
 * as newly mentioned: someone already told is not told again for a typo fixed. An edit that names
 * the version it started from is refused if the comment has changed since (another tab, another
 * device), so nobody's text is overwritten unseen.
 */
export async function editComment(ctx: RecordContext, objectId: string, recordId: string, commentId: string, input: CommentEdit): Promise<SavedComment> {
  await getRecord(ctx, objectId, recordId);
  const { body, mentions } = await checkedComment(ctx, input);
  // Locked, so two edits at once cannot both count the same person as new.
  const before = await lockedComment(ctx, objectId, recordId, commentId);
  if (before.author_id === null || before.author_id !== ctx.access.actor.userId) throw new RecordError('comment.not_author');
  if (input.version !== undefined && input.version !== before.version) {
    throw new RecordError('comment.changed_since', [], { current: before.version, edited: input.version });
  }
  const version = before.version + 1;
  await ctx.db.updateTable('record_comments').set({ body, mentions, version, edited_at: new Date() }).where('id', '=', commentId).execute();
  const told = new Set(before.mentions);
  return { id: commentId, version, newMentions: mentions.filter((id) => !told.has(id)) };
}

/**
 * Removes a comment, kept as deleted (the thread shows a placeholder). Its author may, and so may
 * an administrator (moderation); answers whose comment it was, for the audit line.
 */
export async function removeComment(
  ctx: RecordContext,
  objectId: string,
  recordId: string,
  commentId: string,
  byAdministrator: boolean,
): Promise<{ authorId: string | null }> {
  await getRecord(ctx, objectId, recordId);
  const before = await lockedComment(ctx, objectId, recordId, commentId);
  const actor = ctx.access.actor.userId;
  const own = before.author_id !== null && before.author_id === actor;
  if (!own && !byAdministrator) throw new RecordError('comment.delete_forbidden');
  await ctx.db.updateTable('record_comments').set({ deleted_at: new Date(), deleted_by: actor }).where('id', '=', commentId).execute();
  return { authorId: before.author_id };
}
