import { Switch } from 'antd';
import { useState } from 'react';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { SectionList } from '../../ui/section-list';
import { useFlowT } from '../i18n/use-flow-t';
import { removeFlow, updateFlow } from '../model/flow-edits';
import { NewFlowDialog } from './new-flow-dialog';

/** The draft's flows in the side list: open one, switch it on or off, delete it (after asking), or create one. */
export function FlowList() {
  const t = useFlowT();
  const label = useLabel();
  const store = useStudioStore();
  const flows = useStudio((s) => s.document?.flows) ?? [];
  const openId = useStudio((s) => s.selection.flowId ?? null);
  const objects = useStudio((s) => s.document?.objects) ?? [];
  const [creating, setCreating] = useState(false);
  const edit = store.getState().edit;
  return (
    <>
      <SectionList
        testPrefix="flow"
        items={flows}
        openId={openId}
        texts={{
          none: t('flows.none'),
          add: t('flows.new'),
          deleteLabel: () => t('flows.delete'),
          deleteConfirm: (name) => t('flows.deleteConfirm', { name }),
        }}
        onOpen={(id) => store.getState().select({ flowId: id, flowNodeId: null })}
        onDelete={(id) => edit((d) => removeFlow(d, id), { select: { flowId: null, flowNodeId: null } })}
        onAdd={() => setCreating(true)}
        describe={(flow) => `${label(objects.find((o) => o.id === flow.object)?.label, flow.object)} · ${t(`flows.trigger.${flow.trigger.kind}`)}`}
        actions={(flow) => [
          <Switch
            key="enabled"
            size="small"
            checked={flow.enabled !== false}
            aria-label={t('flows.enabled')}
            data-testid={`flow-enabled-${flow.id}`}
            onClick={(checked, event) => {
              event.stopPropagation();
              edit((d) => updateFlow(d, flow.id, { enabled: checked }));
            }}
          />,
        ]}
      />
      <NewFlowDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
