import { FLOW_RECORD_STATES, type FlowDefinition, type ObjectDefinition } from '@tessera/schemas';
import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { patched } from '../../model/document-edits';
import { LocalizedInputs } from '../../ui/localized-inputs';
import { useFlowT } from '../i18n/use-flow-t';
import { updateFlow } from '../model/flow-edits';
import { PeoplePicker } from './people-picker';
import { TriggerFields } from './trigger-fields';

const WITHDRAW = ['never', 'before_approval', 'running'] as const;
type StatusField = NonNullable<FlowDefinition['statusField']>;

/** The flow as a whole (the start card selected): its names, trigger, withdraw policy, record lock and status field. */
export function FlowSettings({ flow, object }: { flow: FlowDefinition; object: ObjectDefinition | null }) {
  const t = useFlowT();
  const label = useLabel();
  const store = useStudioStore();
  const set = (patch: Partial<FlowDefinition>, merge?: string) =>
    store.getState().edit((d) => updateFlow(d, flow.id, patch), merge ? { merge: `flow.${flow.id}.${merge}` } : {});
  const statusCandidates = (object?.fields ?? []).filter((f) => f.type === 'select' || f.type === 'text');
  const statusField = object?.fields.find((f) => f.id === flow.statusField?.field);
  const setStatus = (patch: Partial<StatusField>) => flow.statusField && set({ statusField: patched(flow.statusField, patch) });
  const item = { style: { marginBottom: 8 } };
  return (
    <Form layout="vertical" size="small" data-testid="flow-settings">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('flows.settings')}
      </Typography.Title>
      <LocalizedInputs
        value={flow.label}
        onChange={(next) => set({ label: next ?? {} }, 'label')}
        labels={['studio.labelZh', 'studio.labelEn']}
        testId="flow-label"
      />
      <Form.Item label={t('flows.object')} {...item}>
        <Input value={label(object?.label, flow.object)} disabled />
      </Form.Item>
      <TriggerFields object={object} trigger={flow.trigger} onChange={(trigger) => set({ trigger }, 'trigger')} />
      <Form.Item label={t('flows.withdraw')} {...item}>
        <Select
          value={flow.withdraw ?? 'before_approval'}
          options={WITHDRAW.map((w) => ({ value: w, label: t(`flows.withdraw.${w}`) }))}
          onChange={(withdraw) => set({ withdraw })}
        />
      </Form.Item>
      <Checkbox checked={flow.lockRecord !== false} onChange={(e) => set({ lockRecord: e.target.checked })} style={{ marginBottom: 8 }}>
        {t('flows.lockRecord')}
      </Checkbox>
      <Form.Item label={t('flows.administrators')} extra={t('flows.administrators.help')} {...item}>
        <PeoplePicker value={flow.administrators ?? []} onChange={(ids) => set({ administrators: ids.length ? ids : undefined })} />
      </Form.Item>
      <Form.Item label={t('flows.statusField')} {...item}>
        <Select
          allowClear
          placeholder={t('flows.statusField.none')}
          value={flow.statusField?.field}
          options={statusCandidates.map((f) => ({ value: f.id, label: label(f.label, f.id) }))}
          onChange={(field: string | undefined) => set({ statusField: field ? { field } : undefined })}
        />
      </Form.Item>
      {flow.statusField &&
        FLOW_RECORD_STATES.map((state) => {
          const value = flow.statusField?.values?.[state];
          const setValue = (next: string | undefined) => {
            const values = patched(flow.statusField?.values ?? {}, { [state]: next || undefined });
            setStatus({ values: Object.keys(values).length ? values : undefined });
          };
          return (
            <Form.Item key={state} label={t('flows.statusValue', { state: t(`flows.state.${state}`) })} {...item}>
              {statusField?.type === 'select' ? (
                <Select
                  allowClear
                  value={value}
                  placeholder={state}
                  options={(statusField.options ?? []).map((o) => ({ value: o.value, label: label(o.label, o.value) }))}
                  onChange={(next: string | undefined) => setValue(next)}
                />
              ) : (
                <Input value={value ?? ''} placeholder={state} onChange={(e) => setValue(e.target.value)} />
              )}
            </Form.Item>
          );
        })}
    </Form>
  );
}
