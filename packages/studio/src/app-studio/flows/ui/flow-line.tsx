import type { FlowDefinition } from '@tessera/schemas';
import { lineOf } from '../model/flow-edits';
import { FlowNodeCard } from './flow-node-card';
import { FlowSlot } from './flow-slot';

/** A line of the flow top to bottom: a slot before each node and one after the last. */
export function FlowLine({ flow, container, lineName }: { flow: FlowDefinition; container: string | null; lineName: string }) {
  const nodes = lineOf(flow, container);
  return (
    <div className="flow-line">
      {nodes.map((node, index) => (
        <div key={node.id} className="flow-line-item">
          <FlowSlot flowId={flow.id} slot={{ container, index }} lineName={lineName} />
          <FlowNodeCard flow={flow} node={node} index={index} siblings={nodes.length} />
        </div>
      ))}
      <FlowSlot flowId={flow.id} slot={{ container, index: nodes.length }} lineName={lineName} />
    </div>
  );
}
