import type { FlowNode } from '@tessera/schemas';
import type { ApprovalState, Chain, Seat, Token } from '../instance-state';
import { proceed } from './advance';
import { returnToInitiator } from './returns';
import { closeApproval, finish, history, newId, type Run, slaKey } from './run';

/**
 * The approvers with those out of office replaced by whom they delegated to (each once), a
 * history line saying so for each.
 */
function delegated(run: Run, node: FlowNode, users: string[]): string[] {
  const result: string[] = [];
  for (const user of users) {
    const delegate = run.env.delegateOf(user);
    if (delegate) history(run, { kind: 'delegated', actor: null, node: node.id, detail: { from: user, to: delegate } });
    const seat = delegate ?? user;
    if (!result.includes(seat)) result.push(seat);
  }
  return result;
}

/**
 * The people of an approval node, found when the flow arrives: its rules resolved, the
 * initiator handled as the node says, and nobody found handled as the node says. In sequence
 * mode each approver is a group of their own; otherwise all decide at once.
 */
export function startApproval(run: Run, token: Token, node: FlowNode): void {
  const { env, state, graph } = run;
  let users = delegated(run, node, env.resolve(node.approvers ?? [], node, state.chosen[node.id], run.record));
  const initiatorIsApprover = users.includes(env.initiator);
  const whenInitiator = node.whenInitiator ?? 'keep';
  if (initiatorIsApprover && whenInitiator === 'skip') users = users.filter((u) => u !== env.initiator);
  if (initiatorIsApprover && whenInitiator === 'admin') {
    users = [...new Set([...users.filter((u) => u !== env.initiator), ...(graph.flow.administrators ?? [])])];
  }
  if (users.length === 0) {
    const whenEmpty = node.whenEmpty ?? 'skip';
    const administrators = whenEmpty === 'admin' ? (graph.flow.administrators ?? []) : [];
    if (administrators.length === 0) {
      history(run, { kind: whenEmpty === 'approve' ? 'auto_approved' : 'skipped', actor: null, node: node.id, detail: { reason: 'no_approver' } });
      state.visited.push({ node: node.id, path: token.path });
      proceed(run, token, node.id);
      return;
    }
    users = administrators;
  }
  const mode = node.mode ?? 'any';
  const approval: ApprovalState = {
    node: node.id,
    round: state.round,
    token: token.id,
    mode,
    percentage: mode === 'percentage' ? (node.percentage ?? 50) : null,
    chains: users.map((user, i) => ({ id: newId(run, 'c'), group: mode === 'sequence' ? i : 0, seats: [{ id: newId(run, 's'), user, status: 'waiting' }] })),
  };
  state.approvals[node.id] = approval;
  token.waiting = 'approval';
  history(run, { kind: 'approval_started', actor: null, node: node.id, detail: { approvers: users, mode } });
  if (node.sla)
    run.effects.push({
      kind: 'schedule',
      key: slaKey(approval),
      at: env.deadline(node.sla.hours),
      command: { kind: 'timeout', node: node.id, round: approval.round },
    });
  if (initiatorIsApprover && whenInitiator === 'approve') {
    const seat = approval.chains.flatMap((c) => c.seats).find((s) => s.user === env.initiator);
    if (seat) {
      seat.status = 'approved';
      run.effects.push({ kind: 'task', node: node.id, round: approval.round, seat: seat.id, user: seat.user, status: 'approved' });
      history(run, { kind: 'auto_approved', actor: env.initiator, node: node.id, detail: { reason: 'initiator' } });
    }
  }
  settle(run, approval);
}

const chainApproved = (chain: Chain) => chain.seats.every((s) => s.status === 'approved' || s.status === 'transferred');
const chainRejected = (chain: Chain) => chain.seats.some((s) => s.status === 'rejected');

/** Approved (the node is done), rejected, or still open. */
function verdict(approval: ApprovalState): 'approved' | 'rejected' | 'open' {
  const { chains, mode } = approval;
  const approved = chains.filter(chainApproved).length;
  const rejected = chains.filter(chainRejected).length;
  if (mode === 'percentage') {
    const needed = Math.ceil(((approval.percentage ?? 50) * chains.length) / 100);
    if (approved >= needed) return 'approved';
    return chains.length - rejected < needed ? 'rejected' : 'open';
  }
  if (rejected > 0) return 'rejected';
  if (mode === 'any') return approved > 0 ? 'approved' : 'open';
  return approved === chains.length ? 'approved' : 'open';
}

/**
 * Opens the seats whose turn it is: in each chain of the active group(s), the first seat not
 * yet approved. In sequence mode only the lowest group still open is active.
 */
function activate(run: Run, approval: ApprovalState): void {
  const open = approval.chains.filter((c) => !chainApproved(c) && !chainRejected(c));
  const active = approval.mode === 'sequence' ? Math.min(...open.map((c) => c.group)) : null;
  for (const chain of open) {
    if (active !== null && chain.group !== active) continue;
    const seat = chain.seats.find((s) => s.status !== 'approved' && s.status !== 'transferred');
    if (seat?.status !== 'waiting') continue;
    seat.status = 'pending';
    run.effects.push({ kind: 'task', node: approval.node, round: approval.round, seat: seat.id, user: seat.user, status: 'pending' });
  }
}

/** After any change to an approval: done and on, rejected, or the next seats opened. */
export function settle(run: Run, approval: ApprovalState): void {
  const outcome = verdict(approval);
  if (outcome === 'open') {
    activate(run, approval);
    return;
  }
  const token = run.state.tokens.find((t) => t.id === approval.token);
  const node = run.graph.nodes.get(approval.node);
  closeApproval(run, approval);
  if (!token || !node) return;
  if (outcome === 'approved') {
    history(run, { kind: 'node_approved', actor: null, node: node.id });
    run.state.visited.push({ node: node.id, path: token.path });
    token.waiting = null;
    proceed(run, token, node.id);
    return;
  }
  history(run, { kind: 'node_rejected', actor: null, node: node.id });
  if (node.onReject === 'return') {
    returnToInitiator(run, node.id, token.path, null);
    return;
  }
  finish(run, 'rejected');
}

export function seatsOf(approval: ApprovalState): Seat[] {
  return approval.chains.flatMap((c) => c.seats);
}
