import type { FlowDefinition, FlowNode, ObjectDefinition } from '@tessera/schemas';
import { FlowSettings } from './flow-settings';
import { NodeProperties } from './node-properties';

/** What the flow's property panel edits: the selected node, or the flow itself when the start is selected. */
export function FlowProperties({ flow, node, object }: { flow: FlowDefinition; node: FlowNode | null; object: ObjectDefinition | null }) {
  if (node) return <NodeProperties key={node.id} flow={flow} node={node} object={object} />;
  return <FlowSettings key={flow.id} flow={flow} object={object} />;
}
