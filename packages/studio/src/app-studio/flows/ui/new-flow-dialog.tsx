import type { FlowTrigger, LocalizedText } from '@tessera/schemas';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useFlowT } from '../i18n/use-flow-t';
import { addFlow, newFlow } from '../model/flow-edits';
import { TriggerFields } from './trigger-fields';

/** Creates a flow: its names, the object whose records run it and what starts it; it opens in the designer. */
export function NewFlowDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useFlowT();
  const label = useLabel();
  const store = useStudioStore();
  const objects = useStudio((s) => s.document?.objects) ?? [];
  const [objectId, setObjectId] = useState<string | null>(null);
  const [trigger, setTrigger] = useState<FlowTrigger>({ kind: 'submit' });
  const [name, setName] = useState<LocalizedText>({});
  const object = objects.find((o) => o.id === objectId) ?? null;
  const ok = () => {
    const { document, edit } = store.getState();
    if (!document || !object) return;
    const flow = newFlow(document, object.id, trigger, name['zh-CN'] || name.en ? name : { 'zh-CN': '新流程', en: 'New flow' });
    edit((d) => addFlow(d, flow), { select: { flowId: flow.id, flowNodeId: null } });
    setName({});
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('flows.new')}
      onOk={ok}
      onCancel={onClose}
      okButtonProps={{ disabled: !object, 'data-testid': 'flow-new-ok' } as never}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="flow-new-dialog">
        <Form.Item label={t('flows.labelZh')} style={{ marginBottom: 8 }}>
          <Input value={name['zh-CN'] ?? ''} onChange={(e) => setName({ ...name, 'zh-CN': e.target.value })} data-testid="flow-new-label-zh" />
        </Form.Item>
        <Form.Item label={t('flows.labelEn')} style={{ marginBottom: 8 }}>
          <Input value={name.en ?? ''} onChange={(e) => setName({ ...name, en: e.target.value })} data-testid="flow-new-label-en" />
        </Form.Item>
        <Form.Item label={t('flows.object')} style={{ marginBottom: 8 }}>
          <Select
            value={objectId}
            data-testid="flow-new-object"
            options={objects.map((o) => ({ value: o.id, label: label(o.label, o.id) }))}
            onChange={(id: string) => setObjectId(id)}
          />
        </Form.Item>
        <TriggerFields object={object} trigger={trigger} onChange={setTrigger} />
      </Form>
    </Modal>
  );
}
