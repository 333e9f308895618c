import { useCallback } from 'react';
import { useStudioStore } from '../../hooks/studio-context';
import type { DragItem } from '../../model/studio-store';
import { dropOnFlow } from '../model/flow-drop';
import type { FlowSlot } from '../model/flow-edits';

/** The react-dnd item type of what the flow designer drags (the form designer's drop places ignore it). */
export const FLOW_ITEM = 'tessera-flow-item';

/** Drops `item` at `slot` of the open flow: one undo step, by pointer, keyboard or the "+" menu alike. */
export function useFlowDrop(): (item: DragItem, slot: FlowSlot) => void {
  const store = useStudioStore();
  return useCallback(
    (item, slot) => {
      const { document, selection, edit, carry } = store.getState();
      carry(null);
      const flowId = selection.flowId;
      if (!document || !flowId) return;
      const result = dropOnFlow(document, flowId, item, slot);
      if (result) edit(() => result.document, { select: { flowNodeId: result.nodeId } });
    },
    [store],
  );
}
