import { PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useDragLayer, useDrop } from 'react-dnd';
import { useStudio } from '../../hooks/studio-context';
import type { DragItem } from '../../model/studio-store';
import { FLOW_ITEM, useFlowDrop } from '../hooks/use-flow-drop';
import { useFlowT } from '../i18n/use-flow-t';
import { canDropOnFlow } from '../model/flow-drop';
import { PALETTE_NODE_KINDS, type FlowSlot as Slot } from '../model/flow-edits';

/**
 * The connector between two nodes of a line: a "+" opening the menu of node kinds, a react-dnd
 * drop target while a node kind or node is dragged, and, while the keyboard carries something, a
 * button that drops it here. All three insert through the same drop action.
 */
export function FlowSlot({ flowId, slot, lineName }: { flowId: string; slot: Slot; lineName: string }) {
  const t = useFlowT();
  const drop = useFlowDrop();
  const document = useStudio((s) => s.document);
  const carrying = useStudio((s) => s.carrying);
  const dragging = useDragLayer((monitor) => monitor.isDragging() && monitor.getItemType() === FLOW_ITEM);
  const [{ over }, ref] = useDrop<DragItem, void, { over: boolean }>(
    () => ({
      accept: FLOW_ITEM,
      canDrop: (item) => canDropOnFlow(document, flowId, item, slot),
      drop: (item) => drop(item, slot),
      collect: (monitor) => ({ over: monitor.isOver() && monitor.canDrop() }),
    }),
    [document, flowId, slot.container, slot.index, drop],
  );
  const testId = `flow-slot-${slot.container ?? 'main'}-${slot.index}`;
  const keyboardTarget = carrying !== null && canDropOnFlow(document, flowId, carrying, slot);
  const className = ['flow-slot', dragging ? 'flow-slot-active' : '', over ? 'flow-slot-over' : ''].filter(Boolean).join(' ');
  return (
    <div ref={(element) => void ref(element)} className={className} data-testid={testId}>
      {keyboardTarget ? (
        <button
          type="button"
          className="studio-drop-button"
          aria-label={t('flows.dropInto', { line: lineName, position: slot.index + 1 })}
          onClick={() => carrying && drop(carrying, slot)}
          data-testid={`${testId}-drop`}
        >
          {t('flows.dropHere')}
        </button>
      ) : (
        <Dropdown
          trigger={['click']}
          menu={{
            items: PALETTE_NODE_KINDS.map((kind) => ({ key: kind, label: t(`flows.kind.${kind}`), 'data-testid': `flow-add-${kind}` })),
            onClick: ({ key }) => {
              const kind = PALETTE_NODE_KINDS.find((k) => k === key);
              if (kind) drop({ kind: 'new-flow-node', nodeKind: kind }, slot);
            },
          }}
        >
          <Button size="small" shape="circle" icon={<PlusOutlined />} aria-label={t('flows.add')} data-testid={`${testId}-add`} className="flow-slot-add" />
        </Dropdown>
      )}
    </div>
  );
}
