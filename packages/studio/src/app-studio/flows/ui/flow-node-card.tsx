import { DeleteOutlined } from '@ant-design/icons';
import type { FlowDefinition, FlowNode } from '@tessera/schemas';
import { Button, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useDrag } from 'react-dnd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import type { DragItem } from '../../model/studio-store';
import { useSimulatedPath } from '../hooks/simulated-path';
import { FLOW_ITEM } from '../hooks/use-flow-drop';
import { useRoleName } from '../hooks/use-role-name';
import { useFlowT } from '../i18n/use-flow-t';
import { moveNode, removeNode } from '../model/flow-edits';
import { FlowBranches } from './flow-branches';
import { nodeSummary } from './rule-summary';

interface FlowNodeCardProps {
  flow: FlowDefinition;
  node: FlowNode;
  /** Its place on its line and the line's length, for Alt+↑/↓. */
  index: number;
  siblings: number;
}

/**
 * One node on the canvas: selected by click, dragged by pointer; by keyboard Enter picks it up
 * (then Enter on a "drop here"), Alt+↑/↓ moves it along its line, Delete removes it. A condition
 * or parallel shows its branches side by side below its card, each a line of its own, joining below.
 */
export function FlowNodeCard({ flow, node, index, siblings }: FlowNodeCardProps) {
  const t = useFlowT();
  const label = useLabel();
  const roleName = useRoleName();
  const store = useStudioStore();
  const selected = useStudio((s) => s.selection.flowNodeId === node.id);
  const carried = useStudio((s) => s.carrying?.kind === 'flow-node' && s.carrying.nodeId === node.id);
  const [{ dragging }, drag] = useDrag<DragItem, void, { dragging: boolean }>(
    () => ({ type: FLOW_ITEM, item: { kind: 'flow-node', nodeId: node.id }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [node.id],
  );
  const passed = useSimulatedPath().nodes.has(node.id);
  const name = label(node.label, t(`flows.kind.${node.kind}`));
  const container = node.parent ?? null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    const { edit, carry, carrying } = store.getState();
    if (event.key === 'Enter' || event.key === ' ') carry(carrying ? null : { kind: 'flow-node', nodeId: node.id });
    else if (event.altKey && event.key === 'ArrowUp' && index > 0) edit((d) => moveNode(d, flow.id, node.id, { container, index: index - 1 }));
    else if (event.altKey && event.key === 'ArrowDown' && index < siblings - 1) edit((d) => moveNode(d, flow.id, node.id, { container, index: index + 2 }));
    else if (event.key === 'Delete' || event.key === 'Backspace') edit((d) => removeNode(d, flow.id, node.id), { select: { flowNodeId: null } });
    else return;
    event.preventDefault();
  };
  const select = () => store.getState().select({ flowNodeId: node.id });
  const className = [
    'flow-node',
    `flow-node-${node.kind}`,
    selected ? 'flow-node-selected' : '',
    passed ? 'flow-node-passed' : '',
    dragging || carried ? 'flow-node-dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const summary = nodeSummary(t, node, roleName);
  return (
    <div className="flow-block">
      {/* biome-ignore lint/a11y/useSemanticElements: a draggable card with its own delete button cannot be a <button> */}
      <div
        ref={(element) => void drag(element)}
        className={className}
        role="button"
        tabIndex={0}
        aria-pressed={selected}
        aria-label={`${t(`flows.kind.${node.kind}`)}: ${name}. ${t('flows.nodeHint')}`}
        data-testid={`flow-node-${node.id}`}
        onKeyDown={onKeyDown}
        onClick={select}
      >
        <div className="flow-node-head">
          <span>{t(`flows.kind.${node.kind}`)}</span>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('flows.deleteNode')}
            data-testid={`flow-node-${node.id}-delete`}
            onClick={(event) => {
              event.stopPropagation();
              store.getState().edit((d) => removeNode(d, flow.id, node.id), { select: { flowNodeId: null } });
            }}
          />
        </div>
        <div className="flow-node-body">
          <Typography.Text strong>{name}</Typography.Text>
          {summary && (
            <Typography.Text type="secondary" ellipsis className="flow-node-summary">
              {summary}
            </Typography.Text>
          )}
        </div>
      </div>
      {(node.kind === 'condition' || node.kind === 'parallel') && <FlowBranches flow={flow} owner={node} />}
    </div>
  );
}
