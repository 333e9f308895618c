import type { FlowDefinition, FlowNode, ObjectDefinition } from '@tessera/schemas';
import { Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useStudio } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { LocalizedInputs } from '../../ui/localized-inputs';
import { ObjectFormula } from '../../ui/object-formula';
import { useNodeEdit } from '../hooks/use-node-edit';
import { useFlowT } from '../i18n/use-flow-t';
import { ApprovalSettings } from './approval-settings';
import { ApproverRules } from './approver-rules';
import { FieldPermissions } from './field-permissions';
import { ValuesEditor } from './values-editor';

/** The property panel of one node of the flow: its names, then what its kind needs. */
export function NodeProperties({ flow, node, object }: { flow: FlowDefinition; node: FlowNode; object: ObjectDefinition | null }) {
  const t = useFlowT();
  const label = useLabel();
  const set = useNodeEdit(flow.id, node.id);
  const objects = useStudio((s) => s.document?.objects) ?? [];
  const target = objects.find((o) => o.id === (node.object ?? flow.object)) ?? null;
  const dateFields = (object?.fields ?? []).filter((f) => f.type === 'date' || f.type === 'datetime');
  const item = { style: { marginBottom: 8 } };
  return (
    <Form layout="vertical" size="small" data-testid="flow-node-properties">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {label(node.label, t(`flows.kind.${node.kind}`))} <Tag>{t(`flows.kind.${node.kind}`)}</Tag>
      </Typography.Title>
      <LocalizedInputs
        value={node.label}
        onChange={(next) => set({ label: next }, 'label')}
        labels={['studio.labelZh', 'studio.labelEn']}
        testId="flow-node-label"
      />
      {(node.kind === 'approval' || node.kind === 'cc' || node.kind === 'notify') && (
        <Form.Item label={t(node.kind === 'approval' ? 'flows.approvers' : 'flows.recipients')} {...item}>
          <ApproverRules
            rules={node.approvers ?? []}
            object={object}
            kinds={node.kind === 'approval' ? undefined : ['user', 'role', 'department_head', 'head_chain', 'user_field', 'initiator']}
            testId="flow-approvers"
            onChange={(approvers) => set({ approvers })}
          />
        </Form.Item>
      )}
      {node.kind === 'approval' && <ApprovalSettings node={node} object={object} set={set} />}
      {node.kind === 'approval' && object && (
        <Form.Item label={t('flows.permissions')} {...item}>
          <FieldPermissions node={node} object={object} set={set} />
        </Form.Item>
      )}
      {node.kind === 'branch' && flow.nodes.find((n) => n.id === node.parent)?.kind === 'condition' && (
        <Form.Item label={t('flows.when')} extra={t('flows.whenOtherwise')} {...item}>
          <ObjectFormula
            value={node.when ?? ''}
            object={object}
            expectedType="boolean"
            onChange={(when) => set({ when: when.trim() ? when : undefined }, 'when')}
          />
        </Form.Item>
      )}
      {(node.kind === 'create_record' || node.kind === 'update_many') && (
        <Form.Item label={t('flows.targetObject')} {...item}>
          <Select
            value={node.object}
            options={objects.map((o) => ({ value: o.id, label: label(o.label, o.id) }))}
            onChange={(id: string) => set({ object: id, values: {}, filter: undefined })}
          />
        </Form.Item>
      )}
      {node.kind === 'update_many' && (
        <Form.Item label={t('flows.filter')} {...item}>
          <ObjectFormula
            value={node.filter ?? ''}
            object={target}
            expectedType="boolean"
            onChange={(filter) => set({ filter: filter.trim() ? filter : undefined }, 'filter')}
          />
        </Form.Item>
      )}
      {(node.kind === 'update_record' || node.kind === 'create_record' || node.kind === 'update_many') && (
        <Form.Item label={t('flows.values')} {...item}>
          <ValuesEditor values={node.values ?? {}} target={target} flowObject={object} onChange={(values) => set({ values }, 'values')} />
        </Form.Item>
      )}
      {node.kind === 'notify' && (
        <>
          <Form.Item label={t('flows.messageZh')} {...item}>
            <Input.TextArea
              rows={2}
              value={node.message?.['zh-CN'] ?? ''}
              onChange={(e) => set({ message: { ...node.message, 'zh-CN': e.target.value } }, 'message')}
            />
          </Form.Item>
          <Form.Item label={t('flows.messageEn')} {...item}>
            <Input.TextArea rows={2} value={node.message?.en ?? ''} onChange={(e) => set({ message: { ...node.message, en: e.target.value } }, 'message')} />
          </Form.Item>
        </>
      )}
      {node.kind === 'delay' && (
        <>
          <Form.Item label={t('flows.delay.hours')} {...item}>
            <InputNumber min={0} max={87600} value={node.hours ?? 0} onChange={(hours) => set({ hours: hours ?? 0 }, 'hours')} />
          </Form.Item>
          <Form.Item label={t('flows.delay.dateField')} {...item}>
            <Select
              allowClear
              value={node.dateField}
              options={dateFields.map((f) => ({ value: f.id, label: label(f.label, f.id) }))}
              onChange={(dateField: string | undefined) => set({ dateField })}
            />
          </Form.Item>
        </>
      )}
      {node.kind === 'http' && (
        <>
          <Form.Item label={t('flows.http.url')} {...item}>
            <Input value={node.url ?? ''} placeholder="https://" onChange={(e) => set({ url: e.target.value || undefined }, 'url')} />
          </Form.Item>
          <Form.Item label={t('flows.http.method')} {...item}>
            <Select
              value={node.method ?? 'POST'}
              options={['POST', 'PUT', 'PATCH'].map((m) => ({ value: m, label: m }))}
              onChange={(method) => set({ method })}
            />
          </Form.Item>
        </>
      )}
      {node.kind === 'end' && (
        <Form.Item label={t('flows.end.outcome')} {...item}>
          <Select
            value={node.outcome ?? 'approved'}
            options={(['approved', 'rejected'] as const).map((o) => ({ value: o, label: t(`flows.end.${o}`) }))}
            onChange={(outcome) => set({ outcome })}
          />
        </Form.Item>
      )}
    </Form>
  );
}
