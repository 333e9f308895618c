import type { Locale } from '@tessera/i18n';
import { type LocalizedText, MENTION_NOTIFICATION, notificationKind } from '@tessera/schemas';
import type { FileRef } from '../api/types';
import { localized } from '../i18n/localized';
import type { MessageKey, Translate } from '../i18n/messages';
import type { AppNotification, HistoryEntry, InstanceStatus, InstanceStep, InstanceView } from './approvals-api';

/** antd Tag colours of an approval's status. */
export const STATUS_COLOR: Record<InstanceStatus, string> = {
  running: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  cancelled: 'default',
};

/** antd Tag colours of a task's status. */
export const TASK_COLOR: Record<string, string> = {
  pending: 'processing',
  waiting: 'default',
  approved: 'success',
  rejected: 'error',
  transferred: 'purple',
  cancelled: 'default',
  cc: 'cyan',
};

const HISTORY_KINDS = new Set([
  'started',
  'approval_started',
  'approved',
  'rejected',
  'auto_approved',
  'skipped',
  'node_approved',
  'node_rejected',
  'return_asked',
  'returned',
  'returned_initiator',
  'resubmitted',
  'transferred',
  'delegated',
  'handed_over',
  'signer_added',
  'withdrawn',
  'urged',
  'commented',
  'timed_out',
  'cc',
  'updated_record',
  'branched',
  'joined',
  'waiting',
  'woke',
  'ended',
  'cancelled',
]);

export interface HistoryContext {
  t: Translate;
  locale: Locale;
  view: Pick<InstanceView, 'steps'>;
  /** A user's name by id (the directory's, batched). */
  nameOf: (id: string) => string;
  formatTime: (iso: string) => string;
}

function stepLabel(steps: readonly InstanceStep[], node: string | null, locale: Locale): string {
  const step = node ? steps.find((s) => s.node === node) : undefined;
  return step?.label ? localized(step.label, locale) : (node ?? '');
}

function people(detail: Record<string, unknown> | null, key: string, nameOf: (id: string) => string): string {
  const value = detail?.[key];
  const ids = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return ids
    .filter((id): id is string => typeof id === 'string')
    .map(nameOf)
    .join(', ');
}

/** One line of an approval's history, as a person would say it. */
export function historyLine(entry: HistoryEntry, context: HistoryContext): string {
  const { t, locale, view, nameOf } = context;
  const detail = entry.detail;
  const params = {
    actor: entry.actor ? (entry.actorName ?? nameOf(entry.actor)) : t('approvals.system'),
    step: stepLabel(view.steps, entry.node, locale),
    people: people(
      detail,
      entry.kind === 'approval_started'
        ? 'approvers'
        : entry.kind === 'signer_added'
          ? 'signer'
          : entry.kind === 'transferred' || entry.kind === 'delegated'
            ? 'to'
            : 'users',
      nameOf,
    ),
    target:
      detail?.to === 'initiator'
        ? t('approvals.returnInitiator')
        : `“${stepLabel(view.steps, typeof detail?.to === 'string' ? detail.to : entry.node, locale)}”`,
    fields: Array.isArray(detail?.fields) ? detail.fields.join(', ') : '',
    time: typeof detail?.until === 'string' ? context.formatTime(detail.until) : '',
    from: typeof detail?.from === 'string' ? nameOf(detail.from) : '',
    kind: entry.kind,
  };
  const kind =
    entry.kind === 'returned' && detail?.to === 'initiator'
      ? 'returned_initiator'
      : entry.kind === 'delegated' && detail?.handedOver === true
        ? 'handed_over'
        : entry.kind;
  const key = HISTORY_KINDS.has(kind) ? (`approvals.h.${kind}` as MessageKey) : 'approvals.h.other';
  return t(key, params);
}

/** The files a history line's comment carries, as the server stored them. */
export function historyAttachments(entry: HistoryEntry): FileRef[] {
  const files = entry.detail?.attachments;
  return Array.isArray(files) ? files.filter((f): f is FileRef => typeof f === 'object' && f !== null && typeof (f as FileRef).id === 'string') : [];
}

/** The comment a history line carries (a decision's, a return's, a comment's text). */
export function historyComment(entry: HistoryEntry): string | null {
  const text = entry.detail?.comment ?? entry.detail?.text;
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

/** A notification's line: what happened, and to which approval. */
export function notificationText(notification: AppNotification, t: Translate, locale: Locale): string {
  const flow = notification.title ? localized(notification.title as LocalizedText, locale) : '';
  if (notification.kind === MENTION_NOTIFICATION) {
    const record = notification.link?.recordTitle;
    return t('approvals.n.mention', { author: notification.link?.author ?? '', object: flow, record: record ? ` “${record}”` : '' });
  }
  const key: MessageKey = `approvals.n.${notificationKind(notification.kind)}`;
  return t(key, { flow });
}

export interface ProgressStep {
  node: string;
  label: string;
  kind: string;
  status: 'finish' | 'process' | 'wait' | 'error';
  /** Who has (had) a task there in the current round, with how it stands. */
  tasks: { user: string; name: string; status: string; comment: string | null }[];
}

const PEOPLE_STEPS = new Set(['approval', 'cc']);

/**
 * The steps a person follows, in order: the approval and copy steps of the main line, and those
 * inside a branch once the flow has gone there (which branch it takes is unknown before).
 */
export function progressSteps(view: InstanceView, locale: Locale): ProgressStep[] {
  const rejected = new Set(view.history.filter((h) => h.kind === 'node_rejected').map((h) => h.node));
  return view.steps
    .filter((s) => PEOPLE_STEPS.has(s.kind) && (s.parent === null || s.state !== 'upcoming' || rejected.has(s.node)))
    .map((s) => ({
      node: s.node,
      kind: s.kind,
      label: s.label ? localized(s.label, locale) : s.node,
      status: rejected.has(s.node) ? 'error' : s.state === 'done' ? 'finish' : s.state === 'active' ? 'process' : 'wait',
      tasks: view.tasks
        .filter((task) => task.node === s.node && task.round === view.round)
        .map((task) => ({ user: task.user, name: task.name, status: task.status, comment: task.comment })),
    }));
}
