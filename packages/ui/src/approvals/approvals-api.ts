import type { LocalizedText } from '@tessera/schemas';
import { request } from '../api/http';
import type { RecordData, RecordValues } from '../api/types';

const enc = encodeURIComponent;

export type InboxBox = 'todo' | 'done' | 'submitted' | 'cc';
export type InstanceStatus = 'running' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';
export type FieldPermission = 'editable' | 'readonly' | 'hidden' | 'required';

export interface Person {
  id: string;
  name: string;
}

/** One line of an inbox box (docs/api-contract.md, `GET /api/flows/inbox`). */
export interface InboxItem {
  instanceId: string;
  appId: string;
  flowId: string;
  flowLabel: LocalizedText;
  node: string | null;
  nodeLabel: LocalizedText | null;
  objectId: string;
  recordId: string | null;
  recordLabel: string | null;
  status: string;
  instanceStatus: InstanceStatus;
  initiator: Person | null;
  at: string;
}

export interface InstanceStep {
  node: string;
  kind: string;
  label: LocalizedText | null;
  parent: string | null;
  state: 'done' | 'active' | 'upcoming';
}

export interface InstanceTask {
  node: string;
  round: number;
  user: string;
  name: string;
  status: string;
  comment: string | null;
  at: string;
}

export interface HistoryEntry {
  at: string;
  actor: string | null;
  actorName: string | null;
  kind: string;
  node: string | null;
  detail: Record<string, unknown> | null;
}

export interface PendingTask {
  node: string;
  label: LocalizedText | null;
  fieldPermissions: Record<string, FieldPermission>;
  returnTargets: { node: string; label: LocalizedText | null }[];
}

/** An approval as its participants see it (`GET /api/flows/instances/:id`). */
export interface InstanceView {
  id: string;
  appId: string;
  flowId: string;
  flowLabel: LocalizedText;
  objectId: string;
  recordId: string | null;
  recordLabel: string | null;
  status: InstanceStatus;
  round: number;
  initiator: Person | null;
  startedAt: string;
  endedAt: string | null;
  /** Only the current approvers may change the record now. */
  recordLocked: boolean;
  steps: InstanceStep[];
  tasks: InstanceTask[];
  history: HistoryEntry[];
  mine: { pending: PendingTask[]; isInitiator: boolean; canWithdraw: boolean; canResubmit: boolean; canUrge: boolean };
}

export interface RecordFlows {
  submittable: { id: string; label: LocalizedText; running: boolean }[];
  instances: { id: string; flowId: string; status: InstanceStatus; startedAt: string; endedAt: string | null }[];
}

export interface PreviewStep {
  node: string;
  label: LocalizedText | null;
  approvers: Person[];
  /** The submitter picks (some of) this step's approvers. */
  choose: boolean;
}

/** The record of an approval, and what the viewer's step lets them do with its fields. */
export interface ApprovalRecord {
  record: RecordData;
  fields: { deciding: boolean; editable: string[]; required: string[]; hidden: string[] };
}

/** What a person says with an action: a comment, and files they uploaded to the app (ids). */
interface Said {
  comment?: string;
  attachments?: string[];
}

export type ApprovalAction =
  | ({ action: 'approve' | 'reject'; node?: string } & Said)
  | ({ action: 'return'; node?: string; to: string } & Said)
  | ({ action: 'transfer'; node?: string; to: string } & Said)
  | ({ action: 'add_signer'; node?: string; signer: string; position: 'before' | 'after' | 'parallel' } & Said)
  | ({ action: 'withdraw' | 'urge' | 'resubmit' | 'comment' } & Said);

/** A file attached to a comment of the approval: served to whoever may view the instance. */
export const instanceFileUrl = (instanceId: string, fileId: string) => `/api/flows/instances/${enc(instanceId)}/files/${enc(fileId)}`;

export interface AppNotification {
  id: string;
  kind: string;
  title: LocalizedText | null;
  link: {
    app?: string;
    instance?: string;
    object?: string;
    record?: string | null;
    node?: string;
    /** A mention: the comment, who wrote it, and the record's title as the reader may see it. */
    comment?: string;
    author?: string;
    recordTitle?: string | null;
  } | null;
  createdAt: string;
  readAt: string | null;
}

/** An out-of-office period: approvals reaching `userId` go to `delegateId` (docs/api-contract.md). */
export interface Delegation {
  id: string;
  userId: string;
  delegateId: string;
  startsAt: string;
  endsAt: string;
  appId: string | null;
  flowIds: string[] | null;
}

/** The approval routes of docs/api-contract.md. Actions carry an idempotency key: a double click or a retry acts once. */
export const approvalsApi = {
  recordFlows: (appId: string, objectId: string, recordId: string, signal?: AbortSignal) =>
    request<RecordFlows>('GET', `/api/apps/${enc(appId)}/objects/${enc(objectId)}/records/${enc(recordId)}/flows`, undefined, signal),

  preview: (appId: string, flowId: string, recordId: string, signal?: AbortSignal) =>
    request<PreviewStep[]>('GET', `/api/apps/${enc(appId)}/flows/${enc(flowId)}/preview?recordId=${enc(recordId)}`, undefined, signal),

  submit: (appId: string, flowId: string, recordId: string, chosen: Record<string, string[]>, key: string) =>
    request<{ id: string; status: InstanceStatus }>('POST', `/api/apps/${enc(appId)}/flows/${enc(flowId)}/instances`, { recordId, chosen }, undefined, {
      'Idempotency-Key': key,
    }),

  instance: (id: string, signal?: AbortSignal) => request<InstanceView>('GET', `/api/flows/instances/${enc(id)}`, undefined, signal),

  act: (id: string, action: ApprovalAction, key: string) =>
    request<InstanceView>('POST', `/api/flows/instances/${enc(id)}/actions`, action, undefined, { 'Idempotency-Key': key }),

  record: (id: string, signal?: AbortSignal) => request<ApprovalRecord>('GET', `/api/flows/instances/${enc(id)}/record`, undefined, signal),

  fill: (id: string, version: number, values: RecordValues) => request<ApprovalRecord>('PATCH', `/api/flows/instances/${enc(id)}/record`, { version, values }),

  inbox: (box: InboxBox, offset: number, limit: number, signal?: AbortSignal) =>
    request<InboxItem[]>('GET', `/api/flows/inbox?box=${box}&offset=${offset}&limit=${limit}`, undefined, signal),

  approveMany: (items: { instanceId: string; node?: string }[], comment?: string) =>
    request<{ instanceId: string; ok: boolean; code: string | null; message: string | null }[]>('POST', '/api/flows/inbox/approve', {
      items,
      ...(comment ? { comment } : {}),
    }),

  notifications: (signal?: AbortSignal) => request<AppNotification[]>('GET', '/api/notifications?limit=30', undefined, signal),

  delegations: (signal?: AbortSignal) => request<{ mine: Delegation[]; forOthers: Delegation[] }>('GET', '/api/flows/delegations', undefined, signal),

  delegate: (input: { delegateId: string; startsAt: string; endsAt: string; appId?: string; handOverPending?: boolean }) =>
    request<Delegation & { handedOver: number }>('POST', '/api/flows/delegations', input),

  endDelegation: (id: string) => request<undefined>('DELETE', `/api/flows/delegations/${enc(id)}`),

  markRead: (ids?: string[]) => request<undefined>('POST', '/api/notifications/read', ids ? { ids } : {}),
};
