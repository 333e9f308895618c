import type { ApproverRule, FlowDefinition, FlowNode } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { FlowError } from '../flow-error';
import { buildGraph } from '../flow-graph';
import type { FlowCommand, FlowEffect, FlowEnvironment } from '../flow-step';
import { type InstanceState, initialState } from '../instance-state';
import { previewApprovals } from './preview';
import { reduce } from './reduce';

const INITIATOR = 'rep';
const people = (...users: string[]): ApproverRule[] => [{ kind: 'user', users }];

/** A test world: approvers named by rule, formulas as small functions over the record. */
function environment(record: Record<string, unknown> = {}, overrides: Partial<FlowEnvironment> = {}): FlowEnvironment {
  const formulas: Record<string, (r: Record<string, unknown>) => unknown> = {
    'discount > 15': (r) => Number(r.discount) > 15,
    'discount > 30': (r) => Number(r.discount) > 30,
    '"approved"': () => 'approved',
  };
  return {
    now: new Date('2026-12-07T01:00:00Z'),
    initiator: INITIATOR,
    record,
    evaluate: (formula, r) => formulas[formula]?.(r ?? {}) ?? null,
    resolve: (rules, _node, chosen) => [
      ...new Set(
        rules.flatMap((rule) =>
          rule.kind === 'user' ? (rule.users ?? []) : rule.kind === 'chosen' ? [...(chosen ?? [])] : rule.kind === 'role' ? [`role:${rule.role}`] : [],
        ),
      ),
    ],
    deadline: (hours) => new Date(Date.parse('2026-12-07T01:00:00Z') + hours * 3_600_000),
    delegateOf: () => null,
    ...overrides,
  };
}

function flow(nodes: FlowNode[], extra: Partial<FlowDefinition> = {}): FlowDefinition {
  return { id: 'f', label: { en: 'Flow' }, object: 'quote', trigger: { kind: 'submit' }, nodes, ...extra };
}

/** Runs commands one after the other; returns the last state and every effect, in order. */
function play(definition: FlowDefinition, commands: FlowCommand[], env = environment()) {
  const graph = buildGraph(definition);
  let state: InstanceState = initialState();
  const effects: FlowEffect[] = [];
  for (const command of commands) {
    const next = reduce(graph, state, command, env);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

/** Open tasks: who may decide now, as `node:user`. */
const pending = (state: InstanceState) =>
  Object.values(state.approvals)
    .flatMap((a) => a.chains.flatMap((c) => c.seats.filter((s) => s.status === 'pending').map((s) => `${a.node}:${s.user}`)))
    .sort();

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as FlowError).code;
  }
  return null;
};

describe('approval modes', () => {
  it('any: the first decision settles the node, and the other tasks close', () => {
    const { state, effects } = play(flow([{ id: 'manager', kind: 'approval', approvers: people('a', 'b'), mode: 'any' }]), [
      { kind: 'start' },
      { kind: 'approve', user: 'b' },
    ]);
    expect(state.status).toBe('approved');
    expect(effects.filter((e) => e.kind === 'task').map((e) => e.kind === 'task' && `${e.user}:${e.status}`)).toEqual([
      'a:pending',
      'b:pending',
      'b:approved',
      'a:cancelled',
    ]);
    expect(effects.at(-1)).toEqual({ kind: 'finished', status: 'approved' });
  });

  it('all: every approver must approve; one rejection rejects', () => {
    const definition = flow([{ id: 'board', kind: 'approval', approvers: people('a', 'b', 'c'), mode: 'all' }]);
    const twoOfThree = play(definition, [{ kind: 'start' }, { kind: 'approve', user: 'a' }, { kind: 'approve', user: 'c' }]);
    expect(twoOfThree.state.status).toBe('running');
    expect(pending(twoOfThree.state)).toEqual(['board:b']);
    expect(play(definition, [{ kind: 'start' }, { kind: 'approve', user: 'a' }, { kind: 'reject', user: 'b' }]).state.status).toBe('rejected');
  });

  it('sequence: one after the other, in the order of the rules', () => {
    const definition = flow([{ id: 'chain', kind: 'approval', approvers: people('a', 'b'), mode: 'sequence' }]);
    const first = play(definition, [{ kind: 'start' }]);
    expect(pending(first.state)).toEqual(['chain:a']);
    expect(refusal(() => play(definition, [{ kind: 'start' }, { kind: 'approve', user: 'b' }]))).toBe('flow.no_task');
    const second = play(definition, [{ kind: 'start' }, { kind: 'approve', user: 'a' }]);
    expect(pending(second.state)).toEqual(['chain:b']);
    expect(play(definition, [{ kind: 'start' }, { kind: 'approve', user: 'a' }, { kind: 'approve', user: 'b' }]).state.status).toBe('approved');
  });

  it('percentage: approved once the share is reached, rejected once it no longer can be', () => {
    const definition = flow([{ id: 'vote', kind: 'approval', approvers: people('a', 'b', 'c', 'd', 'e'), mode: 'percentage', percentage: 60 }]);
    expect(play(definition, [{ kind: 'start' }, ...['a', 'b', 'c'].map((user) => ({ kind: 'approve' as const, user }))]).state.status).toBe('approved');
    const losing = play(definition, [{ kind: 'start' }, { kind: 'reject', user: 'a' }, { kind: 'reject', user: 'b' }]);
    expect(losing.state.status).toBe('running');
    expect(play(definition, [{ kind: 'start' }, ...['a', 'b', 'c'].map((user) => ({ kind: 'reject' as const, user }))]).state.status).toBe('rejected');
  });
});

describe('routing', () => {
  const discount = flow([
    { id: 'route', kind: 'condition' },
    { id: 'big', kind: 'branch', parent: 'route', when: 'discount > 30' },
    { id: 'manager_big', kind: 'approval', parent: 'big', approvers: people('manager') },
    { id: 'director', kind: 'approval', parent: 'big', approvers: people('director') },
    { id: 'medium', kind: 'branch', parent: 'route', when: 'discount > 15' },
    { id: 'manager', kind: 'approval', parent: 'medium', approvers: people('manager') },
    { id: 'otherwise', kind: 'branch', parent: 'route' },
    { id: 'mark', kind: 'update_record', values: { status: '"approved"' } },
  ]);

  it('takes the first branch whose condition holds, then goes on after the condition', () => {
    const small = play(discount, [{ kind: 'start' }], environment({ discount: 5 }));
    expect(small.state.status).toBe('approved');
    expect(small.effects.find((e) => e.kind === 'update_record')).toEqual({ kind: 'update_record', node: 'mark', values: { status: 'approved' } });
    expect(pending(play(discount, [{ kind: 'start' }], environment({ discount: 20 })).state)).toEqual(['manager:manager']);
    const big = play(discount, [{ kind: 'start' }, { kind: 'approve', user: 'manager' }], environment({ discount: 40 }));
    expect(pending(big.state)).toEqual(['director:director']);
  });

  it('runs parallel branches at once and goes on only when all have finished (the join)', () => {
    const contract = flow([
      { id: 'review', kind: 'parallel' },
      { id: 'legal', kind: 'branch', parent: 'review' },
      { id: 'lawyer', kind: 'approval', parent: 'legal', approvers: people('lawyer') },
      { id: 'money', kind: 'branch', parent: 'review' },
      { id: 'finance', kind: 'approval', parent: 'money', approvers: people('cfo') },
      { id: 'ceo', kind: 'approval', approvers: people('ceo') },
    ]);
    const started = play(contract, [{ kind: 'start' }]);
    expect(pending(started.state)).toEqual(['finance:cfo', 'lawyer:lawyer']);
    const half = play(contract, [{ kind: 'start' }, { kind: 'approve', user: 'cfo' }]);
    expect(pending(half.state)).toEqual(['lawyer:lawyer']);
    expect(half.state.joins).toEqual({ review: ['money'] });
    const joined = play(contract, [{ kind: 'start' }, { kind: 'approve', user: 'cfo' }, { kind: 'approve', user: 'lawyer' }]);
    expect(pending(joined.state)).toEqual(['ceo:ceo']);
    expect(joined.state.tokens).toHaveLength(1);
    // A rejection in one branch ends the whole flow, closing the other branch's tasks.
    const rejected = play(contract, [{ kind: 'start' }, { kind: 'reject', user: 'lawyer' }]);
    expect(rejected.state).toMatchObject({ status: 'rejected', tokens: [], approvals: {} });
  });

  it('ends where an end node says, and waits at a delay until its timer (a stale timer is ignored)', () => {
    const waiting = flow([
      { id: 'cool_off', kind: 'delay', hours: 24 },
      { id: 'stop', kind: 'end', outcome: 'rejected' },
    ]);
    const started = play(waiting, [{ kind: 'start' }]);
    expect(started.state.tokens[0]).toMatchObject({ node: 'cool_off', waiting: 'delay' });
    const timer = started.effects.find((e) => e.kind === 'schedule');
    expect(timer).toMatchObject({ at: new Date('2026-12-08T01:00:00Z'), command: { kind: 'wake', node: 'cool_off', round: 1 } });
    const command = (timer as Extract<FlowEffect, { kind: 'schedule' }>).command;
    expect(play(waiting, [{ kind: 'start' }, command]).state.status).toBe('rejected');
    expect(play(waiting, [{ kind: 'start' }, { kind: 'wake', node: 'cool_off', round: 7, token: 't1' }]).state.status).toBe('running');
  });
});

describe('approver corner cases', () => {
  it('skips, approves or hands to the administrators a node with nobody to approve', () => {
    const node = (whenEmpty: 'skip' | 'approve' | 'admin'): FlowNode => ({ id: 'nobody', kind: 'approval', approvers: people(), whenEmpty });
    expect(play(flow([node('skip')]), [{ kind: 'start' }]).state.status).toBe('approved');
    expect(pending(play(flow([node('admin')], { administrators: ['00000000-0000-4000-8000-000000000001'] }), [{ kind: 'start' }]).state)).toEqual([
      'nobody:00000000-0000-4000-8000-000000000001',
    ]);
  });

  it('lets the initiator approve their own step, or leaves them out', () => {
    const own = (whenInitiator: 'approve' | 'skip'): FlowNode => ({
      id: 'self',
      kind: 'approval',
      approvers: people(INITIATOR, 'boss'),
      mode: 'all',
      whenInitiator,
    });
    expect(pending(play(flow([own('approve')]), [{ kind: 'start' }]).state)).toEqual(['self:boss']);
    expect(play(flow([own('approve')]), [{ kind: 'start' }, { kind: 'approve', user: 'boss' }]).state.status).toBe('approved');
    expect(pending(play(flow([own('skip')]), [{ kind: 'start' }]).state)).toEqual(['self:boss']);
  });

  it('takes the approvers the initiator chose at submit', () => {
    const chosen = flow([{ id: 'pick', kind: 'approval', approvers: [{ kind: 'chosen' }] }]);
    expect(pending(play(chosen, [{ kind: 'start', chosen: { pick: ['friend'] } }]).state)).toEqual(['pick:friend']);
  });

  it('gives the task of someone out of office to their delegate, once, saying so in the history', () => {
    const away = environment({}, { delegateOf: (user) => (user === 'boss' || user === 'deputy' ? 'stand_in' : null) });
    const both = flow([{ id: 'sign', kind: 'approval', approvers: people('boss', 'deputy', 'peer'), mode: 'all' }]);
    const { state, effects } = play(both, [{ kind: 'start' }], away);
    expect(pending(state)).toEqual(['sign:peer', 'sign:stand_in']);
    const lines = effects.flatMap((e) => (e.kind === 'history' && e.entry.kind === 'delegated' ? [e.entry.detail] : []));
    expect(lines).toEqual([
      { from: 'boss', to: 'stand_in' },
      { from: 'deputy', to: 'stand_in' },
    ]);
    expect(effects.filter((e) => e.kind === 'task').map((e) => (e as { user: string }).user)).toEqual(['stand_in', 'peer']);
  });
});

describe('actions', () => {
  const twoLevels = flow(
    [
      { id: 'manager', kind: 'approval', approvers: people('manager') },
      { id: 'finance', kind: 'approval', approvers: people('cfo') },
    ],
    { withdraw: 'before_approval' },
  );

  it('returns to the initiator, who resubmits from the start; a jump goes straight back', () => {
    const returned = play(twoLevels, [
      { kind: 'start' },
      { kind: 'approve', user: 'manager' },
      { kind: 'return', user: 'cfo', to: 'initiator', comment: 'price?' },
    ]);
    expect(returned.state).toMatchObject({ status: 'running', tokens: [], returned: { node: 'finance', by: 'cfo' } });
    expect(returned.effects).toContainEqual({ kind: 'notify', node: 'finance', users: [INITIATOR], message: null, reason: 'returned' });
    expect(refusal(() => play(twoLevels, [{ kind: 'start' }, { kind: 'resubmit', user: 'manager' }]))).toBe('flow.not_initiator');
    const rerun = play(twoLevels, [
      { kind: 'start' },
      { kind: 'approve', user: 'manager' },
      { kind: 'return', user: 'cfo', to: 'initiator' },
      { kind: 'resubmit', user: INITIATOR },
    ]);
    expect(pending(rerun.state)).toEqual(['manager:manager']);
    expect(rerun.state.round).toBe(2);
    const jump = play({ ...twoLevels, resubmit: 'jump' }, [
      { kind: 'start' },
      { kind: 'approve', user: 'manager' },
      { kind: 'return', user: 'cfo', to: 'initiator' },
      { kind: 'resubmit', user: INITIATOR },
    ]);
    expect(pending(jump.state)).toEqual(['finance:cfo']);
  });

  it('returns to an earlier node that was passed, and refuses one that was not', () => {
    const back = play(twoLevels, [{ kind: 'start' }, { kind: 'approve', user: 'manager' }, { kind: 'return', user: 'cfo', to: 'manager' }]);
    expect(pending(back.state)).toEqual(['manager:manager']);
    expect(back.state.round).toBe(2);
    expect(refusal(() => play(twoLevels, [{ kind: 'start' }, { kind: 'return', user: 'manager', to: 'finance' }]))).toBe('flow.return_target');
  });

  it('returns from after a join into one parallel branch: only that branch runs again', () => {
    const parallel = flow([
      { id: 'review', kind: 'parallel' },
      { id: 'legal', kind: 'branch', parent: 'review' },
      { id: 'lawyer', kind: 'approval', parent: 'legal', approvers: people('lawyer') },
      { id: 'money', kind: 'branch', parent: 'review' },
      { id: 'finance', kind: 'approval', parent: 'money', approvers: people('cfo') },
      { id: 'ceo', kind: 'approval', approvers: people('ceo') },
    ]);
    const commands: FlowCommand[] = [
      { kind: 'start' },
      { kind: 'approve', user: 'cfo' },
      { kind: 'approve', user: 'lawyer' },
      { kind: 'return', user: 'ceo', to: 'lawyer' },
    ];
    const back = play(parallel, commands);
    expect(pending(back.state)).toEqual(['lawyer:lawyer']);
    expect(back.state.joins).toEqual({ review: ['money'] });
    expect(pending(play(parallel, [...commands, { kind: 'approve', user: 'lawyer' }]).state)).toEqual(['ceo:ceo']);
    // From inside a branch back before the parallel: every branch starts over.
    const inside = play(flow([{ id: 'first', kind: 'approval', approvers: people('boss') }, ...parallel.nodes]), [
      { kind: 'start' },
      { kind: 'approve', user: 'boss' },
      { kind: 'approve', user: 'cfo' },
      { kind: 'return', user: 'lawyer', to: 'first' },
    ]);
    expect(pending(inside.state)).toEqual(['first:boss']);
    expect(inside.state.joins).toEqual({});
  });

  it('transfers a task, and adds signers before, after and beside (an added signer may add another)', () => {
    const one = flow([{ id: 'manager', kind: 'approval', approvers: people('m') }]);
    const moved = play(one, [{ kind: 'start' }, { kind: 'transfer', user: 'm', to: 'deputy' }]);
    expect(pending(moved.state)).toEqual(['manager:deputy']);
    expect(play(one, [{ kind: 'start' }, { kind: 'transfer', user: 'm', to: 'deputy' }, { kind: 'approve', user: 'deputy' }]).state.status).toBe('approved');

    const before = play(one, [{ kind: 'start' }, { kind: 'add_signer', user: 'm', signer: 'expert', position: 'before' }]);
    expect(pending(before.state)).toEqual(['manager:expert']);
    expect(
      pending(
        play(one, [{ kind: 'start' }, { kind: 'add_signer', user: 'm', signer: 'expert', position: 'before' }, { kind: 'approve', user: 'expert' }]).state,
      ),
    ).toEqual(['manager:m']);
    const after = play(one, [{ kind: 'start' }, { kind: 'add_signer', user: 'm', signer: 'legal', position: 'after' }, { kind: 'approve', user: 'm' }]);
    expect(pending(after.state)).toEqual(['manager:legal']);
    const beside = play(flow([{ id: 'manager', kind: 'approval', approvers: people('m'), mode: 'all' }]), [
      { kind: 'start' },
      { kind: 'add_signer', user: 'm', signer: 'peer', position: 'parallel' },
      { kind: 'add_signer', user: 'peer', signer: 'peer2', position: 'before' },
    ]);
    expect(pending(beside.state)).toEqual(['manager:m', 'manager:peer2']);
    expect(refusal(() => play(one, [{ kind: 'start' }, { kind: 'add_signer', user: 'm', signer: 'm', position: 'after' }]))).toBe('flow.already_approver');
  });

  it('withdraws by the initiator only, and only until the first approval when so configured', () => {
    expect(play(twoLevels, [{ kind: 'start' }, { kind: 'withdraw', user: INITIATOR }]).state.status).toBe('withdrawn');
    expect(refusal(() => play(twoLevels, [{ kind: 'start' }, { kind: 'withdraw', user: 'manager' }]))).toBe('flow.not_initiator');
    expect(refusal(() => play(twoLevels, [{ kind: 'start' }, { kind: 'approve', user: 'manager' }, { kind: 'withdraw', user: INITIATOR }]))).toBe(
      'flow.withdraw_closed',
    );
    expect(refusal(() => play(twoLevels, [{ kind: 'start' }, { kind: 'withdraw', user: INITIATOR }, { kind: 'approve', user: 'manager' }]))).toBe(
      'flow.not_running',
    );
  });

  it('urges the current approvers and keeps comments in the history', () => {
    const { effects } = play(twoLevels, [{ kind: 'start' }, { kind: 'urge', user: INITIATOR }, { kind: 'comment', user: 'manager', text: 'on it' }]);
    expect(effects).toContainEqual({ kind: 'notify', node: null, users: ['manager'], message: null, reason: 'urge' });
    expect(effects).toContainEqual({ kind: 'history', entry: { kind: 'commented', actor: 'manager', detail: { text: 'on it' } } });
  });

  it('acts on a deadline as the node says: approve, or remind and remind again', () => {
    const timed = (onTimeout: 'approve' | 'remind') =>
      flow([{ id: 'manager', kind: 'approval', approvers: people('m'), sla: { hours: 8, onTimeout, remindEvery: 4 } }]);
    const started = play(timed('approve'), [{ kind: 'start' }]);
    expect(started.effects.find((e) => e.kind === 'schedule')).toMatchObject({
      at: new Date('2026-12-07T09:00:00Z'),
      command: { kind: 'timeout', node: 'manager', round: 1 },
    });
    expect(play(timed('approve'), [{ kind: 'start' }, { kind: 'timeout', node: 'manager', round: 1 }]).state.status).toBe('approved');
    const reminded = play(timed('remind'), [{ kind: 'start' }, { kind: 'timeout', node: 'manager', round: 1 }]);
    expect(reminded.state.status).toBe('running');
    expect(reminded.effects).toContainEqual({ kind: 'notify', node: 'manager', users: ['m'], message: null, reason: 'overdue' });
    expect(reminded.effects.filter((e) => e.kind === 'schedule')).toHaveLength(2);
    // A deadline of an older round changes nothing.
    expect(play(timed('approve'), [{ kind: 'start' }, { kind: 'timeout', node: 'manager', round: 9 }]).state.status).toBe('running');
  });
});

describe('field permissions', () => {
  const definition = flow([{ id: 'finance', kind: 'approval', approvers: people('f'), fieldPermissions: { payment_terms: 'required', amount: 'readonly' } }]);

  it('refuses an approval while a field the step requires is empty, and takes a rejection', () => {
    const started = play(definition, [{ kind: 'start' }]).state;
    const graph = buildGraph(definition);
    const refused = refusal(() => reduce(graph, started, { kind: 'approve', user: 'f' }, environment({ payment_terms: '  '.trim() })));
    expect(refused).toBe('flow.fields_required');
    expect(reduce(graph, started, { kind: 'reject', user: 'f' }, environment({})).state.status).toBe('rejected');
    expect(reduce(graph, started, { kind: 'approve', user: 'f' }, environment({ payment_terms: 'net 30' })).state.status).toBe('approved');
  });
});

describe('who will approve this (preview)', () => {
  const definition = flow([
    { id: 'route', kind: 'condition' },
    { id: 'big', kind: 'branch', parent: 'route', when: 'discount > 30' },
    { id: 'director', kind: 'approval', parent: 'big', approvers: people('director') },
    { id: 'otherwise', kind: 'branch', parent: 'route' },
    { id: 'expert', kind: 'approval', approvers: [{ kind: 'chosen' }] },
    { id: 'finance', kind: 'approval', approvers: people('cfo'), fieldPermissions: { terms: 'required' } },
    { id: 'legal', kind: 'approval', approvers: people('lawyer') },
  ]);

  it('follows the record down its branch, lists a step the submitter picks for, and looks past it and past fields a step requires', () => {
    const graph = buildGraph(definition);
    expect(previewApprovals(graph, environment({ discount: 40 }))).toEqual([
      { node: 'director', approvers: ['director'], choose: false },
      { node: 'expert', approvers: [], choose: true },
      { node: 'finance', approvers: ['cfo'], choose: false },
      { node: 'legal', approvers: ['lawyer'], choose: false },
    ]);
    expect(previewApprovals(graph, environment({ discount: 5 }), { expert: ['ann'] })).toEqual([
      { node: 'expert', approvers: ['ann'], choose: true },
      { node: 'finance', approvers: ['cfo'], choose: false },
      { node: 'legal', approvers: ['lawyer'], choose: false },
    ]);
  });
});
