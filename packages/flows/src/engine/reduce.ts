import type { FlowNode } from '@tessera/schemas';
import { FlowError } from '../flow-error';
import { type FlowGraph, firstIn, MAIN } from '../flow-graph';
import type { FlowCommand, FlowEffect, FlowEnvironment, Remark } from '../flow-step';
import type { ApprovalState, Chain, InstanceState, Seat } from '../instance-state';
import { enter, proceed } from './advance';
import { seatsOf, settle } from './approvals';
import { resubmit, returnToInitiator, returnToNode } from './returns';
import { finish, history, newId, type Run, remark, slaKey, tokenById } from './run';

export interface Reduction {
  state: InstanceState;
  effects: FlowEffect[];
}

/**
 * The flow engine's one decision function: the next state of an instance and what must happen
 * outside it, for one command. Pure — everything it needs comes in `env` — so it is tested on
 * its own, replayed as the oracle of the engine in PostgreSQL, and run without side effects to
 * answer "who will approve this?". Refused commands throw a FlowError and change nothing.
 */
export function reduce(graph: FlowGraph, state: InstanceState, command: FlowCommand, env: FlowEnvironment): Reduction {
  const run: Run = { graph, state: structuredClone(state), env, effects: [], record: env.record };
  apply(run, command);
  return { state: run.state, effects: run.effects };
}

function apply(run: Run, command: FlowCommand): void {
  const { state } = run;
  if (command.kind !== 'start' && command.kind !== 'comment' && state.status !== 'running') throw new FlowError('flow.not_running');
  switch (command.kind) {
    case 'start':
      start(run, command.chosen ?? {});
      return;
    case 'approve':
    case 'reject':
      decide(run, command.kind, command.user, command.node, command);
      return;
    case 'return': {
      const { approval, seat } = seatOf(run, command.user, command.node);
      const token = tokenById(run, approval.token);
      history(run, { kind: 'return_asked', actor: command.user, node: approval.node, detail: remark(command) });
      run.effects.push({
        kind: 'task',
        node: approval.node,
        round: approval.round,
        seat: seat.id,
        user: seat.user,
        status: 'cancelled',
        comment: command.comment,
      });
      seat.status = 'cancelled';
      if (command.to === 'initiator') {
        returnToInitiator(run, approval.node, token?.path ?? [], command.user);
        return;
      }
      returnToNode(run, token?.path ?? [], command.to, command.user);
      return;
    }
    case 'resubmit':
      if (command.user !== run.env.initiator) throw new FlowError('flow.not_initiator');
      resubmit(run, command.user, command);
      return;
    case 'transfer':
      transfer(run, command.user, command.node, command.to, command);
      return;
    case 'add_signer':
      addSigner(run, command);
      return;
    case 'hand_over':
      handOver(run, command.user, command.to);
      return;
    case 'withdraw': {
      if (command.user !== run.env.initiator) throw new FlowError('flow.not_initiator');
      const rule = run.graph.flow.withdraw ?? 'running';
      if (rule === 'never' || (rule === 'before_approval' && state.approvedOnce)) throw new FlowError('flow.withdraw_closed');
      history(run, { kind: 'withdrawn', actor: command.user, detail: remark(command) });
      finish(run, 'withdrawn');
      return;
    }
    case 'urge': {
      const users = [
        ...new Set(
          Object.values(state.approvals).flatMap((a) =>
            seatsOf(a)
              .filter((s) => s.status === 'pending')
              .map((s) => s.user),
          ),
        ),
      ];
      history(run, { kind: 'urged', actor: command.user, detail: { users } });
      run.effects.push({ kind: 'notify', node: null, users, message: null, reason: 'urge' });
      return;
    }
    case 'comment':
      history(run, {
        kind: 'commented',
        actor: command.user,
        detail: { text: command.text, ...(command.attachments?.length ? { attachments: command.attachments } : {}) },
      });
      return;
    case 'timeout':
      timeout(run, command.node, command.round);
      return;
    case 'wake': {
      const token = tokenById(run, command.token);
      // A timer of an older round, or one whose position has moved on, is spent.
      if (!token || token.node !== command.node || token.waiting !== 'delay' || state.round !== command.round) return;
      token.waiting = null;
      history(run, { kind: 'woke', actor: null, node: command.node });
      proceed(run, token, command.node);
      return;
    }
    case 'cancel':
      history(run, { kind: 'cancelled', actor: command.user, detail: { reason: command.reason ?? null } });
      finish(run, 'cancelled');
      return;
  }
}

function start(run: Run, chosen: Record<string, string[]>): void {
  const { state, graph } = run;
  if (state.tokens.length || state.returned) throw new FlowError('flow.already_running');
  state.chosen = chosen;
  history(run, { kind: 'started', actor: run.env.initiator || null });
  const first = firstIn(graph, MAIN);
  if (first === null) {
    finish(run, 'approved');
    return;
  }
  const token = { id: newId(run, 't'), node: first, path: [], waiting: null };
  state.tokens.push(token);
  enter(run, token, first);
}

/** The user's pending seat: in the node named, or the only node where they have one. */
function seatOf(run: Run, user: string, nodeId: string | undefined): { approval: ApprovalState; chain: Chain; seat: Seat } {
  const found = Object.values(run.state.approvals)
    .filter((a) => nodeId === undefined || a.node === nodeId)
    .flatMap((approval) =>
      approval.chains.flatMap((chain) => chain.seats.filter((s) => s.user === user && s.status === 'pending').map((seat) => ({ approval, chain, seat }))),
    );
  if (found.length === 0) throw new FlowError('flow.no_task');
  if (new Set(found.map((f) => f.approval.node)).size > 1) throw new FlowError('flow.task_ambiguous');
  return found[0]!;
}

/** Fields the node makes required of its approvers that the record leaves empty. */
export function missingRequired(node: FlowNode | undefined, record: Record<string, unknown> | null): string[] {
  const empty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  return Object.entries(node?.fieldPermissions ?? {})
    .filter(([field, permission]) => permission === 'required' && empty(record?.[field]))
    .map(([field]) => field);
}

function decide(run: Run, decision: 'approve' | 'reject', user: string, nodeId: string | undefined, said: Remark): void {
  const comment = said.comment;
  const { approval, seat } = seatOf(run, user, nodeId);
  // An approval that asks its approvers to fill fields is not given without them; a rejection is.
  const missing = decision === 'approve' ? missingRequired(run.graph.nodes.get(approval.node), run.record) : [];
  if (missing.length > 0) throw new FlowError('flow.fields_required', { fields: missing.join(',') });
  seat.status = decision === 'approve' ? 'approved' : 'rejected';
  if (decision === 'approve') run.state.approvedOnce = true;
  run.effects.push({ kind: 'task', node: approval.node, round: approval.round, seat: seat.id, user, status: seat.status, comment });
  history(run, { kind: decision === 'approve' ? 'approved' : 'rejected', actor: user, node: approval.node, detail: remark(said) });
  settle(run, approval);
}

function transfer(run: Run, user: string, nodeId: string | undefined, to: string, said: Remark): void {
  const comment = said.comment;
  const { approval, chain, seat } = seatOf(run, user, nodeId);
  if (seatsOf(approval).some((s) => s.user === to && (s.status === 'pending' || s.status === 'waiting')))
    throw new FlowError('flow.already_approver', { user: to });
  seat.status = 'transferred';
  run.effects.push({ kind: 'task', node: approval.node, round: approval.round, seat: seat.id, user, status: 'transferred', comment });
  const next: Seat = { id: newId(run, 's'), user: to, status: 'pending' };
  chain.seats.splice(chain.seats.indexOf(seat) + 1, 0, next);
  run.effects.push({ kind: 'task', node: approval.node, round: approval.round, seat: next.id, user: to, status: 'pending' });
  history(run, { kind: 'transferred', actor: user, node: approval.node, detail: { to, ...remark(said) } });
}

/**
 * Out of office: each seat of `user` still open — pending, or waiting its turn — passes to `to`
 * in place, with a "delegated" history line. An approval where `to` already has an open seat
 * keeps `user`'s: one person holding two seats would count twice under "all" or a percentage.
 */
function handOver(run: Run, user: string, to: string): void {
  for (const approval of Object.values(run.state.approvals)) {
    if (seatsOf(approval).some((s) => s.user === to && (s.status === 'pending' || s.status === 'waiting'))) continue;
    for (const chain of approval.chains) {
      for (const seat of [...chain.seats]) {
        if (seat.user !== user || (seat.status !== 'pending' && seat.status !== 'waiting')) continue;
        const next: Seat = { id: newId(run, 's'), user: to, status: seat.status, ...(seat.addedBy ? { addedBy: seat.addedBy } : {}) };
        seat.status = 'transferred';
        run.effects.push({ kind: 'task', node: approval.node, round: approval.round, seat: seat.id, user, status: 'transferred' });
        chain.seats.splice(chain.seats.indexOf(seat) + 1, 0, next);
        run.effects.push({ kind: 'task', node: approval.node, round: approval.round, seat: next.id, user: to, status: next.status });
        history(run, { kind: 'delegated', actor: null, node: approval.node, detail: { from: user, to, handedOver: true } });
      }
    }
  }
}

/**
 * Another signer: before the user (the user's turn comes back once they have approved), after
 * the user (the node waits for them too), or beside the user (a chain of their own, at the same
 * time). An added signer may add another.
 */
function addSigner(run: Run, command: Extract<FlowCommand, { kind: 'add_signer' }>): void {
  const { approval, chain, seat } = seatOf(run, command.user, command.node);
  if (seatsOf(approval).some((s) => s.user === command.signer && (s.status === 'pending' || s.status === 'waiting'))) {
    throw new FlowError('flow.already_approver', { user: command.signer });
  }
  const added: Seat = { id: newId(run, 's'), user: command.signer, status: 'waiting', addedBy: command.user };
  if (command.position === 'before') {
    chain.seats.splice(chain.seats.indexOf(seat), 0, added);
    seat.status = 'waiting';
    run.effects.push({ kind: 'task', node: approval.node, round: approval.round, seat: seat.id, user: seat.user, status: 'waiting' });
  } else if (command.position === 'after') {
    chain.seats.splice(chain.seats.indexOf(seat) + 1, 0, added);
  } else {
    approval.chains.push({ id: newId(run, 'c'), group: chain.group, seats: [added] });
  }
  history(run, {
    kind: 'signer_added',
    actor: command.user,
    node: approval.node,
    detail: { signer: command.signer, position: command.position, ...remark(command) },
  });
  settle(run, approval);
}

/** A deadline passed: remind, or decide for the approvers, or hand their tasks on — as the node says. */
function timeout(run: Run, nodeId: string, round: number): void {
  const approval = run.state.approvals[nodeId];
  const node = run.graph.nodes.get(nodeId);
  if (!approval || approval.round !== round || !node?.sla) return;
  const pending = seatsOf(approval).filter((s) => s.status === 'pending');
  const action = node.sla.onTimeout ?? 'remind';
  history(run, { kind: 'timed_out', actor: null, node: nodeId, detail: { action } });
  if (action === 'remind' || (action === 'transfer' && !node.sla.transferTo)) {
    run.effects.push({ kind: 'notify', node: nodeId, users: pending.map((s) => s.user), message: null, reason: 'overdue' });
    if (node.sla.remindEvery) {
      const attempt = run.state.nextId;
      run.state.nextId += 1;
      run.effects.push({
        kind: 'schedule',
        key: slaKey(approval, attempt),
        at: run.env.deadline(node.sla.remindEvery),
        command: { kind: 'timeout', node: nodeId, round },
      });
    }
    return;
  }
  if (action === 'transfer') {
    const [to] = run.env.resolve([node.sla.transferTo!], node, undefined, run.record);
    for (const seat of pending) if (to && to !== seat.user) transfer(run, seat.user, nodeId, to, {});
    return;
  }
  for (const seat of pending) {
    seat.status = action === 'approve' ? 'approved' : 'rejected';
    run.effects.push({ kind: 'task', node: nodeId, round, seat: seat.id, user: seat.user, status: seat.status });
  }
  settle(run, approval);
}
