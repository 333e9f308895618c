import type { FlowDefinition, ObjectDefinition } from '@tessera/schemas';
import { useStudio } from '../../hooks/studio-context';

/** The flow open in the designer, its object in the draft, and its selected node. */
export function useOpenFlow() {
  const document = useStudio((s) => s.document);
  const flowId = useStudio((s) => s.selection.flowId ?? null);
  const nodeId = useStudio((s) => s.selection.flowNodeId ?? null);
  const flow: FlowDefinition | null = document?.flows?.find((f) => f.id === flowId) ?? null;
  const object: ObjectDefinition | null = document?.objects.find((o) => o.id === flow?.object) ?? null;
  const node = flow?.nodes.find((n) => n.id === nodeId) ?? null;
  return { document, flow, object, node };
}
