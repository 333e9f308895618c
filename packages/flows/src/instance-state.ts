import type { ApprovalMode } from '@tessera/schemas';

export type InstanceStatus = 'running' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';

/** A position in the flow: a node the instance is at, inside these parallel branches (outermost first). */
export interface Token {
  id: string;
  node: string;
  /** `parallel/branch` pairs, outermost first (flow-graph.ts `parallelPath`). */
  path: string[];
  /** What it waits for at its node: people's decisions, or a timer (null while it moves). */
  waiting: 'approval' | 'delay' | null;
}

export type SeatStatus = 'pending' | 'waiting' | 'approved' | 'rejected' | 'transferred' | 'cancelled';

/** One person's place in an approval: a task. */
export interface Seat {
  id: string;
  user: string;
  status: SeatStatus;
  /** Who added this signer (an added signer may add another). */
  addedBy?: string | undefined;
}

/**
 * One approver and the signers added before or after them: approved when all its seats have.
 * `group` orders chains in sequence mode (a signer added "beside" someone shares their group).
 */
export interface Chain {
  id: string;
  group: number;
  seats: Seat[];
}

export interface ApprovalState {
  node: string;
  round: number;
  token: string;
  mode: ApprovalMode;
  percentage: number | null;
  chains: Chain[];
}

/**
 * An instance's whole state, kept as one JSON document with a revision: every command reads it
 * under a row lock, the pure reducer computes the next one, and one transaction stores it with
 * its tasks, history and side effects.
 */
export interface InstanceState {
  status: InstanceStatus;
  /** Bumped by every return and resubmit: tasks and timers of an older round no longer count. */
  round: number;
  tokens: Token[];
  /** Approvals under way, by node. */
  approvals: Record<string, ApprovalState>;
  /** Parallel node → its branches that have finished. */
  joins: Record<string, string[]>;
  /** Returned to the initiator: the node that returned it, where it was, who did. */
  returned: { node: string; path: string[]; by: string } | null;
  /** Approvers the initiator chose at submit, by node. */
  chosen: Record<string, string[]>;
  /** Whether anyone has approved anything yet (withdraw: before_approval). */
  approvedOnce: boolean;
  /** Approval nodes passed, with where they were: the targets a return may go back to. */
  visited: { node: string; path: string[] }[];
  /** Counter for token, chain and seat ids: the reducer stays deterministic. */
  nextId: number;
}

export function initialState(): InstanceState {
  return { status: 'running', round: 1, tokens: [], approvals: {}, joins: {}, returned: null, chosen: {}, approvedOnce: false, visited: [], nextId: 1 };
}
