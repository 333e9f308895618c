import type { AppDocument } from '@tessera/schemas';
import type { DragItem } from '../../model/studio-store';
import { canMoveNode, type FlowSlot, flowOf, insertNode, moveNode } from './flow-edits';

/** Whether a carried or dragged item may land at `slot` of the flow: a new node anywhere on a line, a node not into itself. */
export function canDropOnFlow(document: AppDocument | null, flowId: string, item: DragItem, slot: FlowSlot): boolean {
  const flow = document && flowOf(document, flowId);
  if (!flow) return false;
  if (item.kind === 'new-flow-node') return slot.container === null || flow.nodes.some((n) => n.id === slot.container && n.kind === 'branch');
  if (item.kind === 'flow-node') return canMoveNode(flow, item.nodeId, slot);
  return false;
}

/** What one drop on the flow does, as one undo step: a new node of the kind is inserted, or a node moves; the dropped node is selected. */
export function dropOnFlow(document: AppDocument, flowId: string, item: DragItem, slot: FlowSlot): { document: AppDocument; nodeId: string } | null {
  if (!canDropOnFlow(document, flowId, item, slot)) return null;
  if (item.kind === 'new-flow-node') return insertNode(document, flowId, item.nodeKind, slot);
  if (item.kind === 'flow-node') return { document: moveNode(document, flowId, item.nodeId, slot), nodeId: item.nodeId };
  return null;
}
