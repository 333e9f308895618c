import { FLOW_TRIGGERS, type FlowTrigger, type ObjectDefinition } from '@tessera/schemas';
import { Form, Input, InputNumber, Select } from 'antd';
import { useLabel } from '../../i18n/use-label';
import { patched } from '../../model/document-edits';
import { ObjectFormula } from '../../ui/object-formula';
import { useFlowT } from '../i18n/use-flow-t';

const DATE_TYPES = ['date', 'datetime'];

/** What starts a flow and its details: the fields watched, the cron, the date field with its days and time, the condition on the record. */
export function TriggerFields({ object, trigger, onChange }: { object: ObjectDefinition | null; trigger: FlowTrigger; onChange: (next: FlowTrigger) => void }) {
  const t = useFlowT();
  const label = useLabel();
  const set = (patch: Partial<FlowTrigger>) => onChange(patched(trigger, patch));
  const fields = (object?.fields ?? []).map((f) => ({ value: f.id, label: label(f.label, f.id) }));
  return (
    <>
      <Form.Item label={t('flows.trigger')} style={{ marginBottom: 8 }}>
        <Select
          value={trigger.kind}
          data-testid="flow-trigger-kind"
          options={FLOW_TRIGGERS.map((kind) => ({ value: kind, label: t(`flows.trigger.${kind}`) }))}
          // A new kind keeps only what it uses: no stale cron under a submit button.
          onChange={(kind) => onChange({ kind, ...(trigger.condition && kind !== 'schedule' ? { condition: trigger.condition } : {}) })}
        />
      </Form.Item>
      {trigger.kind === 'field_changed' && (
        <Form.Item label={t('flows.trigger.fields')} style={{ marginBottom: 8 }}>
          <Select mode="multiple" value={trigger.fields ?? []} options={fields} onChange={(ids: string[]) => set({ fields: ids.length ? ids : undefined })} />
        </Form.Item>
      )}
      {trigger.kind === 'schedule' && (
        <Form.Item label={t('flows.trigger.cron')} style={{ marginBottom: 8 }}>
          <Input
            value={trigger.cron ?? ''}
            placeholder="0 9 * * 1"
            onChange={(e) => set({ cron: e.target.value || undefined })}
            data-testid="flow-trigger-cron"
          />
        </Form.Item>
      )}
      {trigger.kind === 'date_field' && (
        <>
          <Form.Item label={t('flows.trigger.dateField')} style={{ marginBottom: 8 }}>
            <Select
              value={trigger.dateField}
              options={(object?.fields ?? []).filter((f) => DATE_TYPES.includes(f.type)).map((f) => ({ value: f.id, label: label(f.label, f.id) }))}
              onChange={(dateField: string) => set({ dateField })}
            />
          </Form.Item>
          <Form.Item label={t('flows.trigger.days')} style={{ marginBottom: 8 }}>
            <InputNumber value={trigger.days ?? 0} min={-3650} max={3650} precision={0} onChange={(days) => set({ days: days ?? undefined })} />
          </Form.Item>
          <Form.Item label={t('flows.trigger.time')} style={{ marginBottom: 8 }}>
            <Input value={trigger.time ?? ''} placeholder="09:00" onChange={(e) => set({ time: e.target.value || undefined })} />
          </Form.Item>
        </>
      )}
      {/* A schedule starts without a record: there is nothing for a condition to read. */}
      {trigger.kind !== 'schedule' && (
        <Form.Item label={t('flows.trigger.condition')} style={{ marginBottom: 8 }}>
          <ObjectFormula
            value={trigger.condition ?? ''}
            object={object}
            expectedType="boolean"
            onChange={(condition) => set({ condition: condition.trim() ? condition : undefined })}
          />
        </Form.Item>
      )}
    </>
  );
}
