import { compilePolicy } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import { loadPeopleInApp } from '@tessera/identity';
import { RecordError, type RecordService } from '@tessera/records';
import { MENTION_NOTIFICATION } from '@tessera/schemas';
import type { Transaction } from 'kysely';

export interface MentionNotice {
  appId: string;
  objectId: string;
  recordId: string;
  commentId: string;
  author: { userId: string; name: string };
  /** Whom the saved comment mentions for the first time. */
  mentioned: readonly string[];
}

/**
 * Tells each person a saved comment newly mentions, in the bell with the approvals' notifications,
 * in the comment's own transaction. Each is asked about as themself: only someone whose own access
 * lets them read the record is told, and what they are told (the record's title) is what they
 * would see on it. Anyone else gets nothing, and the author learns nothing either way (the answer
 * to the comment is the same). The author is never told about their own comment.
 */
export async function notifyMentions(records: RecordService, tx: Transaction<SystemTables>, notice: MentionNotice): Promise<string[]> {
  const others = notice.mentioned.filter((id) => id !== notice.author.userId);
  const people = await loadPeopleInApp(tx, notice.appId, others);
  const told: string[] = [];
  for (const person of people) {
    const record = await records
      .get(notice.appId, notice.objectId, (document) => compilePolicy(document, person), notice.recordId)
      .catch((error: unknown) => {
        if (error instanceof RecordError && (error.code === 'record.forbidden' || error.code === 'record.not_found')) return null;
        throw error;
      });
    if (!record) continue;
    const { app } = await records.readContext(notice.appId, (document) => compilePolicy(document, person));
    const object = app.objects.get(notice.objectId);
    const title = object?.displayField ? record[object.displayField] : null;
    await tx
      .insertInto('notifications')
      .values({
        user_id: person.userId,
        app_id: notice.appId,
        kind: MENTION_NOTIFICATION,
        title: object?.label ? JSON.stringify(object.label) : null,
        link: JSON.stringify({
          app: notice.appId,
          object: notice.objectId,
          record: notice.recordId,
          comment: notice.commentId,
          author: notice.author.name,
          recordTitle: typeof title === 'string' ? title : null,
        }),
      })
      .execute();
    told.push(person.userId);
  }
  return told;
}
