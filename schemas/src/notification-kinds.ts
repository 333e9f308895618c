/**
 * The kinds of notification the flow engine writes (in-app, and the e-mail sent for each): the
 * server's mail and the browser's notification list both word their sentences by these, so they
 * are named once. Any other kind (a notify node's own message) reads as "other".
 */
export const NOTIFICATION_KINDS = [
  'task',
  'returned',
  'cc',
  'urge',
  'overdue',
  'finished.approved',
  'finished.rejected',
  'finished.withdrawn',
  'finished.cancelled',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kind as the texts know it: itself when listed, else "other". */
export function notificationKind(kind: string): NotificationKind | 'other' {
  return NOTIFICATION_KINDS.find((k) => k === kind) ?? 'other';
}

/**
 * A comment mentions the person (in-app only, never mailed): its link names the record and the
 * comment, the author's name and the record's title as the person may see it.
 */
export const MENTION_NOTIFICATION = 'mention';
