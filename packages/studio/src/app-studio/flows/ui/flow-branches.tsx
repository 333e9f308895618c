import { PlusOutlined } from '@ant-design/icons';
import type { FlowDefinition, FlowNode } from '@tessera/schemas';
import { Button, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useDrag, useDragLayer, useDrop } from 'react-dnd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useSimulatedPath } from '../hooks/simulated-path';
import { useFlowT } from '../i18n/use-flow-t';
import { addBranch, branchesOf, moveBranch } from '../model/flow-edits';
import { FlowLine } from './flow-line';

/**
 * The react-dnd type of a dragged branch head: its own, so the flow's node slots ignore it and a
 * branch lands only on a branch head of the same condition or parallel.
 */
const FLOW_BRANCH = 'tessera-flow-branch';

interface BranchItem {
  branchId: string;
  ownerId: string;
}

/**
 * A condition's or parallel's branches side by side, each a line; "add branch" on top, the join
 * below. A condition's branches are numbered: the engine takes the first whose condition holds.
 */
export function FlowBranches({ flow, owner }: { flow: FlowDefinition; owner: FlowNode }) {
  const t = useFlowT();
  const label = useLabel();
  const store = useStudioStore();
  const add = () => {
    const { document, edit } = store.getState();
    const result = document && addBranch(document, flow.id, owner.id);
    if (result) edit(() => result.document, { select: { flowNodeId: result.nodeId } });
  };
  const branches = branchesOf(flow, owner.id);
  return (
    <div className={`flow-branches flow-branches-${owner.kind}`} data-testid={`flow-branches-${owner.id}`}>
      <Button size="small" icon={<PlusOutlined />} className="flow-add-branch" onClick={add} data-testid={`flow-add-branch-${owner.id}`}>
        {t('flows.addBranch')}
      </Button>
      <Typography.Text type="secondary" className="flow-branch-order">
        {t(owner.kind === 'condition' ? 'flows.branchOrder' : 'flows.branchParallelOrder')}
      </Typography.Text>
      <div className="flow-branch-row">
        {branches.map((branch, index) => (
          <div key={branch.id} className="flow-branch">
            <FlowBranchHead flow={flow} owner={owner} branch={branch} index={index} count={branches.length} />
            <FlowLine flow={flow} container={branch.id} lineName={label(branch.label, t('flows.kind.branch'))} />
          </div>
        ))}
      </div>
    </div>
  );
}

interface BranchHeadProps {
  flow: FlowDefinition;
  owner: FlowNode;
  branch: FlowNode;
  /** Its place among its owner's branches, and how many there are, for Alt+←/→. */
  index: number;
  count: number;
}

/**
 * A branch's head: selects the branch on click; a drag source, and a drop place for the other
 * branches of its owner (a branch dropped here takes this one's place); Alt+←/→ moves it by one.
 * Every way is one `moveBranch` edit, so one undo step.
 */
function FlowBranchHead({ flow, owner, branch, index, count }: BranchHeadProps) {
  const t = useFlowT();
  const label = useLabel();
  const store = useStudioStore();
  const selected = useStudio((s) => s.selection.flowNodeId === branch.id);
  const passed = useSimulatedPath().nodes.has(branch.id);
  const moveTo = (to: number) => store.getState().edit((d) => moveBranch(d, flow.id, branch.id, to));
  const [{ dragging }, drag] = useDrag<BranchItem, void, { dragging: boolean }>(
    () => ({ type: FLOW_BRANCH, item: { branchId: branch.id, ownerId: owner.id }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [branch.id, owner.id],
  );
  // Lit while a sibling branch is dragged, like the node slots while a node is.
  const target = useDragLayer((m) => {
    const item = m.getItem() as BranchItem | null;
    return m.isDragging() && m.getItemType() === FLOW_BRANCH && item?.ownerId === owner.id && item.branchId !== branch.id;
  });
  const [{ over }, drop] = useDrop<BranchItem, void, { over: boolean }>(
    () => ({
      accept: FLOW_BRANCH,
      canDrop: (item) => item.ownerId === owner.id && item.branchId !== branch.id,
      drop: (item) => store.getState().edit((d) => moveBranch(d, flow.id, item.branchId, index), { select: { flowNodeId: item.branchId } }),
      collect: (m) => ({ over: m.isOver() && m.canDrop() }),
    }),
    [owner.id, branch.id, flow.id, index, store],
  );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') store.getState().select({ flowNodeId: branch.id });
    else if (event.altKey && event.key === 'ArrowLeft' && index > 0) moveTo(index - 1);
    else if (event.altKey && event.key === 'ArrowRight' && index < count - 1) moveTo(index + 1);
    else return;
    event.preventDefault();
  };
  const name = label(branch.label, t('flows.kind.branch'));
  const className = [
    'flow-branch-head',
    selected ? 'flow-node-selected' : '',
    passed ? 'flow-node-passed' : '',
    dragging ? 'flow-node-dragging' : '',
    target ? 'flow-branch-target' : '',
    over ? 'flow-branch-over' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable head (Firefox does not drag a <button>)
    <div
      ref={(element) => void drag(drop(element))}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${name}, ${t('flows.branchHint', { position: index + 1 })}`}
      className={className}
      data-testid={`flow-node-${branch.id}`}
      data-position={index + 1}
      onClick={() => store.getState().select({ flowNodeId: branch.id })}
      onKeyDown={onKeyDown}
    >
      <span className="flow-branch-title">
        <strong>{name}</strong>
        {owner.kind === 'condition' && (
          <span className="flow-branch-priority" data-testid={`flow-branch-priority-${branch.id}`}>
            {t('flows.branchPriority', { n: index + 1 })}
          </span>
        )}
      </span>
      {owner.kind === 'condition' && <span className="flow-node-summary">{branch.when ?? t('flows.otherwise')}</span>}
    </div>
  );
}
