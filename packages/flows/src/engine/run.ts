import type { FlowGraph } from '../flow-graph';
import type { FlowEffect, FlowEnvironment, FlowHistoryEntry, Remark } from '../flow-step';
import type { ApprovalState, InstanceState, InstanceStatus, Token } from '../instance-state';

/**
 * One command being applied: the graph, a draft of the state (the reducer's own copy), the
 * environment, the effects so far, and the record as the flow's own update nodes leave it.
 */
export interface Run {
  graph: FlowGraph;
  state: InstanceState;
  env: FlowEnvironment;
  effects: FlowEffect[];
  record: Record<string, unknown> | null;
}

export function newId(run: Run, prefix: 't' | 'c' | 's'): string {
  const id = `${prefix}${run.state.nextId}`;
  run.state.nextId += 1;
  return id;
}

export function history(run: Run, entry: FlowHistoryEntry): void {
  run.effects.push({ kind: 'history', entry });
}

/** What a person said with an action, as its history line keeps it: the comment, and any files. */
export function remark(said: Remark): Record<string, unknown> {
  return { comment: said.comment ?? null, ...(said.attachments?.length ? { attachments: said.attachments } : {}) };
}

export function slaKey(approval: Pick<ApprovalState, 'node' | 'round'>, attempt = 0): string {
  return `sla:${approval.node}:${approval.round}:${attempt}`;
}

export function delayKey(token: Token, round: number): string {
  return `delay:${token.node}:${round}:${token.id}`;
}

/** Closes every open task, timer and position: the instance has ended with `status`. */
export function finish(run: Run, status: Exclude<InstanceStatus, 'running'>): void {
  if (run.state.status !== 'running') return;
  for (const approval of Object.values(run.state.approvals)) closeApproval(run, approval);
  for (const token of run.state.tokens) if (token.waiting === 'delay') run.effects.push({ kind: 'unschedule', key: delayKey(token, run.state.round) });
  run.state.tokens = [];
  run.state.joins = {};
  run.state.status = status;
  run.effects.push({ kind: 'finished', status });
}

/** Ends an approval: its open seats are cancelled (their tasks close) and its deadline goes. */
export function closeApproval(run: Run, approval: ApprovalState): void {
  for (const chain of approval.chains) {
    for (const seat of chain.seats) {
      if (seat.status !== 'pending' && seat.status !== 'waiting') continue;
      seat.status = 'cancelled';
      run.effects.push({ kind: 'task', node: approval.node, round: approval.round, seat: seat.id, user: seat.user, status: 'cancelled' });
    }
  }
  if (run.graph.nodes.get(approval.node)?.sla) run.effects.push({ kind: 'unschedule', key: slaKey(approval) });
  delete run.state.approvals[approval.node];
}

export function tokenById(run: Run, id: string): Token | undefined {
  return run.state.tokens.find((t) => t.id === id);
}

export function dropToken(run: Run, token: Token): void {
  run.state.tokens = run.state.tokens.filter((t) => t.id !== token.id);
}
