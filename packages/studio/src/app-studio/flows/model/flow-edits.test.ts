import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { addBranch, addFlow, branchesOf, flowOf, insertNode, lineOf, moveBranch, moveNode, newFlow, removeFlow, removeNode, updateFlow } from './flow-edits';

const base: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [{ id: 'quote', label: { en: 'Quote' }, fields: [{ id: 'amount', type: 'number', label: { en: 'Amount' } }] }],
} as unknown as AppDocument;

function withFlow(): AppDocument {
  return addFlow(base, newFlow(base, 'quote', { kind: 'submit' }, { en: 'Discount' }));
}

const ids = (document: AppDocument, container: string | null = null) => lineOf(flowOf(document, 'flow_1')!, container).map((n) => n.id);

function insert(document: AppDocument, kind: Parameters<typeof insertNode>[2], container: string | null, index: number) {
  const result = insertNode(document, 'flow_1', kind, { container, index });
  if (!result) throw new Error('not inserted');
  return result;
}

describe('flow edits', () => {
  it('creates a submit flow with the record locked, renames, disables and removes it', () => {
    const document = withFlow();
    expect(flowOf(document, 'flow_1')).toMatchObject({ object: 'quote', enabled: true, lockRecord: true, nodes: [] });
    const renamed = updateFlow(document, 'flow_1', { label: { en: 'Discount', 'zh-CN': '折扣' }, enabled: false });
    expect(flowOf(renamed, 'flow_1')).toMatchObject({ label: { 'zh-CN': '折扣' }, enabled: false });
    expect(removeFlow(renamed, 'flow_1').flows).toEqual([]);
    expect(document.flows).toHaveLength(1);
  });

  it('inserts nodes between others, a condition with two branches, and nodes inside a branch', () => {
    let { document } = insert(withFlow(), 'approval', null, 0);
    ({ document } = insert(document, 'end', null, 1));
    ({ document } = insert(document, 'condition', null, 1));
    expect(ids(document)).toEqual(['approval_1', 'condition_1', 'end_1']);
    const branches = branchesOf(flowOf(document, 'flow_1')!, 'condition_1');
    expect(branches.map((b) => b.id)).toEqual(['branch_1', 'branch_2']);
    ({ document } = insert(document, 'approval', 'branch_1', 0));
    expect(ids(document, 'branch_1')).toEqual(['approval_2']);
    expect(ids(document)).toEqual(['approval_1', 'condition_1', 'end_1']);
  });

  it('moves a node down, up and into a branch, with what is inside it, but never into itself', () => {
    let { document } = insert(withFlow(), 'approval', null, 0);
    ({ document } = insert(document, 'cc', null, 1));
    ({ document } = insert(document, 'condition', null, 2));
    ({ document } = insert(document, 'delay', 'branch_1', 0));
    const down = moveNode(document, 'flow_1', 'approval_1', { container: null, index: 2 });
    expect(ids(down)).toEqual(['cc_1', 'approval_1', 'condition_1']);
    const up = moveNode(down, 'flow_1', 'condition_1', { container: null, index: 0 });
    expect(ids(up)).toEqual(['condition_1', 'cc_1', 'approval_1']);
    expect(ids(up, 'branch_1')).toEqual(['delay_1']);
    const into = moveNode(up, 'flow_1', 'cc_1', { container: 'branch_2', index: 0 });
    expect(ids(into)).toEqual(['condition_1', 'approval_1']);
    expect(ids(into, 'branch_2')).toEqual(['cc_1']);
    expect(moveNode(into, 'flow_1', 'condition_1', { container: 'branch_1', index: 0 })).toBe(into);
    expect(moveNode(into, 'flow_1', 'approval_1', { container: null, index: 1 })).toBe(into);
  });

  it('removes a node with its branches and their nodes; the last branch takes its condition along', () => {
    let { document } = insert(withFlow(), 'condition', null, 0);
    ({ document } = insert(document, 'approval', 'branch_1', 0));
    const withoutBranch = removeNode(document, 'flow_1', 'branch_1');
    expect(flowOf(withoutBranch, 'flow_1')!.nodes.map((n) => n.id)).toEqual(['condition_1', 'branch_2']);
    expect(flowOf(removeNode(withoutBranch, 'flow_1', 'branch_2'), 'flow_1')!.nodes).toEqual([]);
    expect(flowOf(removeNode(document, 'flow_1', 'condition_1'), 'flow_1')!.nodes).toEqual([]);
  });

  it('adds a branch before the "otherwise" branch of a condition', () => {
    const { document } = insert(withFlow(), 'condition', null, 0);
    const added = addBranch(document, 'flow_1', 'condition_1');
    expect(branchesOf(flowOf(added!.document, 'flow_1')!, 'condition_1').map((b) => b.id)).toEqual(['branch_1', 'branch_3', 'branch_2']);
  });

  it('reorders the branches of a condition, each with its nodes; out of range or in place changes nothing', () => {
    let { document } = insert(withFlow(), 'condition', null, 0);
    ({ document } = insert(document, 'approval', 'branch_1', 0));
    document = addBranch(document, 'flow_1', 'condition_1')!.document;
    ({ document } = insert(document, 'end', null, 1));
    const order = (d: AppDocument) => branchesOf(flowOf(d, 'flow_1')!, 'condition_1').map((b) => b.id);
    expect(order(document)).toEqual(['branch_1', 'branch_3', 'branch_2']);
    const last = moveBranch(document, 'flow_1', 'branch_1', 2);
    expect(order(last)).toEqual(['branch_3', 'branch_2', 'branch_1']);
    expect(ids(last, 'branch_1')).toEqual(['approval_1']);
    expect(ids(last)).toEqual(['condition_1', 'end_1']);
    expect(order(moveBranch(last, 'flow_1', 'branch_1', 0))).toEqual(['branch_1', 'branch_3', 'branch_2']);
    expect(moveBranch(document, 'flow_1', 'branch_1', 0)).toBe(document);
    expect(moveBranch(document, 'flow_1', 'branch_1', 3)).toBe(document);
    expect(moveBranch(document, 'flow_1', 'approval_1', 0)).toBe(document);
  });
});
