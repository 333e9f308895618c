import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { localizeIssues } from './issue';
import { validateDocument } from './validate-document';

const base: AppDocument = {
  id: 'flows',
  label: { en: 'Flows' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      fields: [
        { id: 'discount', type: 'percent', label: { en: 'Discount' } },
        { id: 'status', type: 'select', label: { en: 'Status' }, options: [{ value: 'ok', label: { en: 'OK' } }] },
        { id: 'owner', type: 'user', label: { en: 'Owner' } },
        { id: 'total', type: 'formula', label: { en: 'Total' }, formula: 'discount * 2', resultType: 'number' },
      ],
    },
  ],
  roles: [{ id: 'finance', label: { en: 'Finance' } }],
};

const issuesOf = (flows: AppDocument['flows']) => {
  const verdict = validateDocument({ ...base, flows });
  return verdict.ok ? [] : verdict.issues.map((i) => `${i.pointer} ${i.code}`);
};

describe('flow checks', () => {
  it('accept a well-formed approval flow', () => {
    expect(
      issuesOf([
        {
          id: 'discount',
          label: { en: 'Discount' },
          object: 'quote',
          trigger: { kind: 'field_changed', fields: ['discount'], condition: 'discount > 15' },
          nodes: [
            { id: 'route', kind: 'condition' },
            { id: 'big', kind: 'branch', parent: 'route', when: 'discount > 30' },
            {
              id: 'boss',
              kind: 'approval',
              parent: 'big',
              approvers: [
                { kind: 'role', role: 'finance' },
                { kind: 'user_field', field: 'owner' },
                { kind: 'user_field', field: 'owner_id' },
              ],
            },
            { id: 'mark', kind: 'update_record', values: { status: '"ok"' } },
          ],
        },
      ]),
    ).toEqual([]);
  });

  it('point at the node that causes each problem', () => {
    const found = issuesOf([
      {
        id: 'broken',
        label: { en: 'Broken' },
        object: 'quote',
        trigger: { kind: 'field_changed' },
        nodes: [
          { id: 'route', kind: 'condition' },
          { id: 'orphan', kind: 'branch', parent: 'mark' },
          { id: 'ask', kind: 'approval', approvers: [{ kind: 'role', role: 'nobody' }] },
          { id: 'empty', kind: 'approval' },
          { id: 'mark', kind: 'update_record', values: { total: '1', status: 'discount > 1' } },
          { id: 'stop', kind: 'end' },
          { id: 'after', kind: 'notify', approvers: [{ kind: 'user_field', field: 'status' }] },
        ],
      },
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        '/flows/0/nodes/0 meta.flow_no_branches',
        '/flows/0/nodes/1/parent meta.flow_branch_parent',
        '/flows/0/nodes/2/approvers/0/role meta.flow_unknown_role',
        '/flows/0/nodes/3/approvers meta.flow_no_approvers',
        '/flows/0/nodes/4/values/total meta.flow_field_not_writable',
        '/flows/0/nodes/4/values/status meta.flow_formula_type',
        '/flows/0/nodes/6 meta.flow_unreachable',
        '/flows/0/nodes/6/approvers/0/field meta.flow_user_field',
        '/flows/0/trigger/fields meta.flow_rule_incomplete',
      ]),
    );
    const verdict = validateDocument({
      ...base,
      flows: [{ id: 'x', label: { en: 'X' }, object: 'quote', trigger: { kind: 'submit' }, nodes: [{ id: 'a', kind: 'approval' }] }],
    });
    expect(verdict.ok ? null : localizeIssues(verdict.issues, 'zh-CN')[0]?.message).toBe('这个节点还没有设置审批人');
  });

  it('flag the branches after one with no condition: a condition takes the first branch that holds', () => {
    const routed = (whens: (string | undefined)[]) =>
      issuesOf([
        {
          id: 'route',
          label: { en: 'Route' },
          object: 'quote',
          trigger: { kind: 'submit' },
          nodes: [
            { id: 'c', kind: 'condition' },
            ...whens.map((when, i) => ({ id: `b${i}`, kind: 'branch' as const, parent: 'c', ...(when ? { when } : {}) })),
          ],
        },
      ]);
    expect(routed(['discount > 30', 'discount > 15', undefined])).toEqual([]);
    expect(routed([undefined, 'discount > 30', 'discount > 15'])).toEqual([
      '/flows/0/nodes/2 meta.flow_branch_shadowed',
      '/flows/0/nodes/3 meta.flow_branch_shadowed',
    ]);
  });

  it("refuse a schedule whose cron expression has no next time, in the user's language", () => {
    const scheduled = (cron: string) =>
      issuesOf([{ id: 'weekly', label: { en: 'Weekly' }, object: 'quote', trigger: { kind: 'schedule', cron }, nodes: [{ id: 'end', kind: 'end' }] }]);
    expect(scheduled('0 9 * * 1')).toEqual([]);
    expect(scheduled('0 9 31 2 *')).toEqual(['/flows/0/trigger/cron meta.flow_cron']);
    expect(scheduled('99 9 * * *')).toEqual(['/flows/0/trigger/cron meta.flow_cron']);
    const verdict = validateDocument({
      ...base,
      flows: [{ id: 'x', label: { en: 'X' }, object: 'quote', trigger: { kind: 'schedule', cron: '0 25 * * *' }, nodes: [{ id: 'end', kind: 'end' }] }],
    });
    expect(verdict.ok ? null : localizeIssues(verdict.issues, 'zh-CN')[0]?.message).toBe('“0 25 * * *”不是有效的 cron 表达式（分 时 日 月 周）');
  });

  it('ask the approval status field to take every state the engine writes', () => {
    const flow = (statusField: NonNullable<AppDocument['flows']>[number]['statusField']) => [
      { id: 'f', label: { en: 'F' }, object: 'quote', trigger: { kind: 'submit' as const }, statusField, nodes: [] },
    ];
    expect(issuesOf(flow({ field: 'discount' }))).toEqual(['/flows/0/statusField/field meta.flow_status_field']);
    expect(issuesOf(flow({ field: 'status', values: { running: 'ok', returned: 'ok', approved: 'ok', rejected: 'ok', withdrawn: 'ok' } }))).toEqual([
      '/flows/0/statusField/values/cancelled meta.flow_status_value',
    ]);
    const all = { running: 'ok', returned: 'ok', approved: 'ok', rejected: 'ok', withdrawn: 'ok', cancelled: 'ok' };
    expect(issuesOf(flow({ field: 'status', values: all }))).toEqual([]);
  });
});
