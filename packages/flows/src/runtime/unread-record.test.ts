import type { FlowNode } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { reduce } from '../engine/reduce';
import { buildGraph } from '../flow-graph';
import type { FlowCommand, FlowEnvironment } from '../flow-step';
import { initialState } from '../instance-state';
import { resolveApprovers } from './approvers';
import { reduceWithoutRecord } from './unread-record';

const record = { amount: 5_000, approver: 'cfo', terms: '' };

/** The runtime's own approver resolution over a tiny org chart; formulas read `amount` and swallow errors like a formula engine. */
function world(): FlowEnvironment {
  const directory = {
    active: new Set(['manager', 'finance', 'cfo']),
    departmentOf: new Map(),
    parentOf: new Map(),
    headOf: new Map(),
    members: new Map(),
    delegations: new Map(),
  };
  return {
    now: new Date('2026-12-07T01:00:00Z'),
    initiator: 'rep',
    record,
    evaluate: (formula, values) => {
      try {
        return formula === 'amount > 1000' ? Number(values?.amount) > 1000 : null;
      } catch {
        return null;
      }
    },
    resolve: (rules, _node, chosen, values) => resolveApprovers(rules, { directory, appId: 'a', initiator: 'rep', record: values, chosen }),
    deadline: (hours) => new Date(Date.parse('2026-12-07T01:00:00Z') + hours * 3_600_000),
    delegateOf: () => null,
  };
}

/** The state after `start`, and what the next command gives without the record (null: it needs it) and with it. */
function step(nodes: FlowNode[], command: FlowCommand) {
  const graph = buildGraph({ id: 'f', label: { en: 'Flow' }, object: 'expense', trigger: { kind: 'submit' }, nodes });
  const started = reduce(graph, initialState(), { kind: 'start' }, world()).state;
  const full = (() => {
    try {
      return reduce(graph, started, command, world());
    } catch (error) {
      return error;
    }
  })();
  return { unread: reduceWithoutRecord(graph, started, command, world()), full };
}

const manager: FlowNode = { id: 'manager', kind: 'approval', approvers: [{ kind: 'user', users: ['manager'] }] };
const approve = (user: string): FlowCommand => ({ kind: 'approve', user });

describe('a step run without reading the record', () => {
  it('decides an approval by named people exactly as with the record', () => {
    const { unread, full } = step(
      [
        manager,
        {
          id: 'finance',
          kind: 'approval',
          approvers: [
            { kind: 'role', role: 'x' },
            { kind: 'user', users: ['finance'] },
          ],
        },
      ],
      approve('manager'),
    );
    expect(unread).not.toBeNull();
    expect(JSON.stringify(unread?.effects)).toBe(JSON.stringify((full as ReturnType<typeof reduce>).effects));
    expect(unread?.state.approvals).toEqual((full as ReturnType<typeof reduce>).state.approvals);
  });

  it('gives up when the step reaches for the record: a condition, a user field, a required field, an update', () => {
    const branch: FlowNode[] = [
      manager,
      { id: 'route', kind: 'condition' },
      { id: 'big', kind: 'branch', parent: 'route', when: 'amount > 1000' },
      { id: 'director', kind: 'approval', parent: 'big', approvers: [{ kind: 'user', users: ['cfo'] }] },
      { id: 'otherwise', kind: 'branch', parent: 'route' },
    ];
    expect(step(branch, approve('manager')).unread).toBeNull();
    expect(step([manager, { id: 'chosen', kind: 'approval', approvers: [{ kind: 'user_field', field: 'approver' }] }], approve('manager')).unread).toBeNull();
    expect(step([{ ...manager, fieldPermissions: { terms: 'required' } }], approve('manager')).unread).toBeNull();
    expect(step([manager, { id: 'mark', kind: 'update_record', values: { terms: '"net 30"' } }], approve('manager')).unread).toBeNull();
  });

  it('still takes a step that needs nothing of the record, and leaves a refusal to the full run', () => {
    expect(step([{ ...manager, fieldPermissions: { terms: 'required' } }], { kind: 'reject', user: 'manager' }).unread?.state.status).toBe('rejected');
    const refused = step([manager], approve('finance'));
    expect(refused.unread).toBeNull();
    expect(refused.full).toMatchObject({ code: 'flow.no_task' });
  });
});
