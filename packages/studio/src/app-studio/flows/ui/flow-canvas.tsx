import type { FlowDefinition } from '@tessera/schemas';
import { Alert } from 'antd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useFlowT } from '../i18n/use-flow-t';
import { FlowLine } from './flow-line';

/** The flow as a vertical tree, DingTalk-style: the start (its trigger), the main line with its blocks, the end. */
export function FlowCanvas({ flow }: { flow: FlowDefinition }) {
  const t = useFlowT();
  const label = useLabel();
  const store = useStudioStore();
  const carrying = useStudio((s) => s.carrying);
  const selected = useStudio((s) => s.selection.flowNodeId == null);
  const carriedName = (): string => {
    if (carrying?.kind === 'new-flow-node') return t(`flows.kind.${carrying.nodeKind}`);
    if (carrying?.kind === 'flow-node') {
      const node = flow.nodes.find((n) => n.id === carrying.nodeId);
      return label(node?.label, carrying.nodeId);
    }
    return '';
  };
  return (
    <div className="flow-canvas" data-testid="flow-canvas">
      {carrying && (carrying.kind === 'new-flow-node' || carrying.kind === 'flow-node') && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('flows.carrying', { item: carriedName() })}
          role="status"
          data-testid="flow-carrying"
        />
      )}
      <button
        type="button"
        className={`flow-node flow-node-start${selected ? ' flow-node-selected' : ''}`}
        data-testid="flow-start"
        onClick={() => store.getState().select({ flowNodeId: null })}
      >
        <div className="flow-node-head">{t('flows.start')}</div>
        <div className="flow-node-body">{t(`flows.trigger.${flow.trigger.kind}`)}</div>
      </button>
      <FlowLine flow={flow} container={null} lineName={t('flows.mainLine')} />
      <div className="flow-finish" data-testid="flow-finish">
        {t('flows.finish')}
      </div>
    </div>
  );
}
