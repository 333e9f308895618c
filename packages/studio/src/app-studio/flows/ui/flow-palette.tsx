import { Flex, Typography } from 'antd';
import { useDrag } from 'react-dnd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import type { DragItem } from '../../model/studio-store';
import { FLOW_ITEM } from '../hooks/use-flow-drop';
import { useFlowT } from '../i18n/use-flow-t';
import { PALETTE_NODE_KINDS, type PaletteNodeKind } from '../model/flow-edits';

/** One node kind: dragged by pointer onto a slot, or picked up with Enter (or a click) and dropped with Enter on a "drop here". */
function PaletteKind({ kind }: { kind: PaletteNodeKind }) {
  const t = useFlowT();
  const store = useStudioStore();
  const carried = useStudio((s) => s.carrying?.kind === 'new-flow-node' && s.carrying.nodeKind === kind);
  const [, drag] = useDrag<DragItem, void, unknown>(() => ({ type: FLOW_ITEM, item: { kind: 'new-flow-node', nodeKind: kind } }), [kind]);
  return (
    <button
      ref={(element) => void drag(element)}
      type="button"
      className={`studio-palette-item flow-palette-${kind}${carried ? ' studio-palette-item-carried' : ''}`}
      aria-pressed={carried}
      data-testid={`flow-palette-${kind}`}
      onClick={() => store.getState().carry(carried ? null : { kind: 'new-flow-node', nodeKind: kind })}
    >
      {t(`flows.kind.${kind}`)}
    </button>
  );
}

/** The node kinds to drag onto the flow. */
export function FlowPalette() {
  const t = useFlowT();
  return (
    <Flex vertical gap={8} className="studio-palette" data-testid="flow-palette">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('flows.palette')}
      </Typography.Text>
      <div className="studio-palette-grid">
        {PALETTE_NODE_KINDS.map((kind) => (
          <PaletteKind key={kind} kind={kind} />
        ))}
      </div>
    </Flex>
  );
}
