import type { ApproverRule, FlowNode, LocalizedText } from '@tessera/schemas';
import type { InstanceStatus, SeatStatus } from './instance-state';

/** A file a person attached to what they said (uploaded first; the history keeps its name and size). */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  mime: string;
}

/** What a person may say with an action: a comment, and files. */
export interface Remark {
  comment?: string | undefined;
  attachments?: FileRef[] | undefined;
}

/** What the engine is asked to do. Every command that a person sends names them (`user`). */
export type FlowCommand =
  | { kind: 'start'; chosen?: Record<string, string[]> | undefined }
  | ({ kind: 'approve'; user: string; node?: string | undefined } & Remark)
  | ({ kind: 'reject'; user: string; node?: string | undefined } & Remark)
  /** Back to the initiator, or to an earlier approval node. */
  | ({ kind: 'return'; user: string; node?: string | undefined; to: string } & Remark)
  | ({ kind: 'resubmit'; user: string } & Remark)
  | ({ kind: 'transfer'; user: string; node?: string | undefined; to: string } & Remark)
  | ({ kind: 'add_signer'; user: string; node?: string | undefined; signer: string; position: 'before' | 'after' | 'parallel' } & Remark)
  /** Out of office: every open seat of `user` in the instance goes to `to` (a delegation, when made or when it starts). */
  | { kind: 'hand_over'; user: string; to: string }
  | ({ kind: 'withdraw'; user: string } & Remark)
  | { kind: 'urge'; user: string }
  | { kind: 'comment'; user: string; text: string; attachments?: FileRef[] | undefined }
  /** A node's deadline has passed (a job). */
  | { kind: 'timeout'; node: string; round: number }
  /** A delay is over (a job). */
  | { kind: 'wake'; node: string; round: number; token: string }
  | { kind: 'cancel'; user: string | null; reason?: string | undefined };

/** A line of the instance's history: who did what, where, when (the reducer stamps it with `now`). */
export interface FlowHistoryEntry {
  kind: string;
  actor: string | null;
  node?: string | undefined;
  detail?: Record<string, unknown> | undefined;
}

/**
 * What a command does outside the instance's own state. The store applies them in the same
 * transaction as the new state (record writes, tasks, jobs, notifications), so a transition
 * happens entirely or not at all.
 */
export type FlowEffect =
  /** A task changed: opened (pending), waiting, decided, closed. */
  | { kind: 'task'; node: string; round: number; seat: string; user: string; status: SeatStatus | 'cc'; comment?: string | undefined }
  | { kind: 'update_record'; node: string; values: Record<string, unknown> }
  | { kind: 'create_record'; node: string; object: string; values: Record<string, unknown> }
  | { kind: 'update_many'; node: string; object: string; filter: string | null; values: Record<string, unknown> }
  | { kind: 'notify'; node: string | null; users: string[]; message: LocalizedText | null; reason: string }
  | { kind: 'http'; node: string; url: string; method: string }
  /** A timer: a delay's end or an approval's deadline (`key` names it for cancelling). */
  | { kind: 'schedule'; key: string; at: Date; command: FlowCommand }
  | { kind: 'unschedule'; key: string }
  | { kind: 'history'; entry: FlowHistoryEntry }
  | { kind: 'finished'; status: Exclude<InstanceStatus, 'running'> };

/**
 * What the reducer may ask of the world, all answered from data loaded before the command runs,
 * so the reducer stays a pure function (and the property tests can replay it).
 */
export interface FlowEnvironment {
  now: Date;
  initiator: string;
  /** The record as it is (updated as the flow's own update nodes run). */
  record: Record<string, unknown> | null;
  /** A formula over the record: a condition's yes/no, an update's value. */
  evaluate(formula: string, record: Record<string, unknown> | null): unknown;
  /** Approver rules → active users, in order, no one twice (a user field is read from `record`). */
  resolve(rules: readonly ApproverRule[], node: FlowNode, chosen: readonly string[] | undefined, record: Record<string, unknown> | null): string[];
  /** When a deadline of `hours` business hours from now falls, by the app's work calendar. */
  deadline(hours: number): Date;
  /** Who approves instead of `user`, who is out of office now for this flow; null when they are in. */
  delegateOf(user: string): string | null;
}

export interface FlowStep {
  effects: FlowEffect[];
}
