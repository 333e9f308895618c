import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { issueTarget } from '../../model/issue-target';
import { createStudioStore } from '../../model/studio-store';
import { dropOnFlow } from './flow-drop';
import { addFlow, insertNode, newFlow } from './flow-edits';

const base = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [{ id: 'quote', label: { en: 'Quote' }, fields: [{ id: 'amount', type: 'number', label: { en: 'Amount' } }] }],
} as unknown as AppDocument;

describe('the flow designer on the studio store', () => {
  it('adds a flow and a node as undo steps, and drops the selection of what an undo takes away', () => {
    const store = createStudioStore();
    store.getState().load('crm', base, 1, null);
    const flow = newFlow(base, 'quote', { kind: 'submit' }, { en: 'Approval' });
    store.getState().edit((d) => addFlow(d, flow), { select: { flowId: flow.id, flowNodeId: null } });
    const placed = dropOnFlow(store.getState().document!, flow.id, { kind: 'new-flow-node', nodeKind: 'approval' }, { container: null, index: 0 });
    store.getState().edit(() => placed!.document, { select: { flowNodeId: placed!.nodeId } });
    expect(store.getState().selection).toMatchObject({ flowId: 'flow_1', flowNodeId: 'approval_1' });
    store.getState().undo();
    expect(store.getState().selection).toMatchObject({ flowId: 'flow_1', flowNodeId: null });
    store.getState().undo();
    expect(store.getState().selection).toMatchObject({ flowId: null, flowNodeId: null });
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().document?.flows?.[0]?.nodes.map((n) => n.id)).toEqual(['approval_1']);
  });

  it('refuses a drop into a branch of the node itself, and a form item on a flow', () => {
    let document = addFlow(base, newFlow(base, 'quote', { kind: 'submit' }, { en: 'Approval' }));
    document = insertNode(document, 'flow_1', 'parallel', { container: null, index: 0 })!.document;
    expect(dropOnFlow(document, 'flow_1', { kind: 'flow-node', nodeId: 'parallel_1' }, { container: 'branch_1', index: 0 })).toBeNull();
    expect(dropOnFlow(document, 'flow_1', { kind: 'new-field', fieldType: 'text' }, { container: null, index: 0 })).toBeNull();
    expect(dropOnFlow(document, 'flow_1', { kind: 'new-flow-node', nodeKind: 'cc' }, { container: 'nowhere', index: 0 })).toBeNull();
  });

  it('turns a problem pointer at a flow node into the flows section with that node selected', () => {
    const document = insertNode(addFlow(base, newFlow(base, 'quote', { kind: 'submit' }, { en: 'A' })), 'flow_1', 'approval', {
      container: null,
      index: 0,
    })!.document;
    expect(issueTarget(document, '/flows/0/nodes/0/approvers')).toEqual({
      selection: { objectId: 'quote', fieldId: null, nodeId: null, flowId: 'flow_1', flowNodeId: 'approval_1' },
      tab: 'flows',
    });
    expect(issueTarget(document, '/flows/0/trigger/cron')?.selection).toMatchObject({ flowId: 'flow_1', flowNodeId: null });
    expect(issueTarget(document, '/flows/3/nodes/0')).toBeNull();
  });
});
