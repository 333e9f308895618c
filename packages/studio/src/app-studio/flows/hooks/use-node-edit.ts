import type { FlowNode } from '@tessera/schemas';
import { useCallback } from 'react';
import { useStudioStore } from '../../hooks/studio-context';
import { updateNode } from '../model/flow-edits';

/**
 * Edits one node of a flow through the studio's store; `merge` names the input, so the
 * keystrokes typed into it make one undo step.
 */
export function useNodeEdit(flowId: string, nodeId: string): (patch: Partial<FlowNode>, merge?: string) => void {
  const store = useStudioStore();
  return useCallback(
    (patch, merge) => store.getState().edit((d) => updateNode(d, flowId, nodeId, patch), merge ? { merge: `flow.${flowId}.${nodeId}.${merge}` } : {}),
    [store, flowId, nodeId],
  );
}
