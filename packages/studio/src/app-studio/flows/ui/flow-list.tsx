import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, List, Popconfirm, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
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
    <div data-testid="flow-list">
      {flows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('flows.none')} />}
      <List
        size="small"
        dataSource={flows}
        renderItem={(flow) => {
          const name = label(flow.label, flow.id);
          return (
            <List.Item
              className={`flow-list-item${flow.id === openId ? ' flow-list-item-open' : ''}`}
              data-testid={`flow-list-${flow.id}`}
              onClick={() => store.getState().select({ flowId: flow.id, flowNodeId: null })}
              style={{ cursor: 'pointer', background: flow.id === openId ? '#e6f4ff' : undefined, paddingInline: 8 }}
              actions={[
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
                <Popconfirm
                  key="delete"
                  title={t('flows.deleteConfirm', { name })}
                  onConfirm={() => edit((d) => removeFlow(d, flow.id), { select: { flowId: null, flowNodeId: null } })}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('flows.delete')}
                    data-testid={`flow-delete-${flow.id}`}
                    onClick={(event) => event.stopPropagation()}
                  />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={name}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {label(objects.find((o) => o.id === flow.object)?.label, flow.object)} · {t(`flows.trigger.${flow.trigger.kind}`)}
                  </Typography.Text>
                }
              />
            </List.Item>
          );
        }}
      />
      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginTop: 8 }} data-testid="flow-new">
        {t('flows.new')}
      </Button>
      <NewFlowDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
