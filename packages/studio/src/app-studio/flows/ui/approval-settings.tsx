import { APPROVAL_MODES, type FlowNode, type ObjectDefinition } from '@tessera/schemas';
import { Form, InputNumber, Select } from 'antd';
import { patched } from '../../model/document-edits';
import { useFlowT } from '../i18n/use-flow-t';
import { ApproverRules } from './approver-rules';

const WHEN_EMPTY = ['skip', 'approve', 'admin'] as const;
const WHEN_INITIATOR = ['approve', 'skip', 'admin', 'keep'] as const;
const ON_REJECT = ['end', 'return'] as const;
const ON_TIMEOUT = ['remind', 'approve', 'reject', 'transfer'] as const;
type Sla = NonNullable<FlowNode['sla']>;

/** How an approval node decides: several approvers, nobody found, the submitter among them, a rejection, its deadline. */
export function ApprovalSettings({
  node,
  object,
  set,
}: {
  node: FlowNode;
  object: ObjectDefinition | null;
  set: (patch: Partial<FlowNode>, merge?: string) => void;
}) {
  const t = useFlowT();
  const sla = node.sla;
  const setSla = (patch: Partial<Sla>) => set({ sla: patched<Sla>(sla ?? { hours: 24 }, patch) }, 'sla');
  return (
    <>
      <Form.Item label={t('flows.mode')} style={{ marginBottom: 8 }}>
        <Select
          value={node.mode ?? 'any'}
          data-testid="flow-mode"
          options={APPROVAL_MODES.map((mode) => ({ value: mode, label: t(`flows.mode.${mode}`) }))}
          onChange={(mode) => set({ mode, percentage: mode === 'percentage' ? (node.percentage ?? 50) : undefined })}
        />
      </Form.Item>
      {node.mode === 'percentage' && (
        <Form.Item label={t('flows.percentage')} style={{ marginBottom: 8 }}>
          <InputNumber
            min={1}
            max={100}
            precision={0}
            value={node.percentage ?? 50}
            onChange={(percentage) => set({ percentage: percentage ?? 50 }, 'percentage')}
          />
        </Form.Item>
      )}
      <Form.Item label={t('flows.whenEmpty')} style={{ marginBottom: 8 }}>
        <Select
          value={node.whenEmpty ?? 'admin'}
          options={WHEN_EMPTY.map((v) => ({ value: v, label: t(`flows.whenEmpty.${v}`) }))}
          onChange={(whenEmpty) => set({ whenEmpty })}
        />
      </Form.Item>
      <Form.Item label={t('flows.whenInitiator')} style={{ marginBottom: 8 }}>
        <Select
          value={node.whenInitiator ?? 'keep'}
          options={WHEN_INITIATOR.map((v) => ({ value: v, label: t(`flows.whenInitiator.${v}`) }))}
          onChange={(whenInitiator) => set({ whenInitiator })}
        />
      </Form.Item>
      <Form.Item label={t('flows.onReject')} style={{ marginBottom: 8 }}>
        <Select
          value={node.onReject ?? 'end'}
          options={ON_REJECT.map((v) => ({ value: v, label: t(`flows.onReject.${v}`) }))}
          onChange={(onReject) => set({ onReject })}
        />
      </Form.Item>
      <Form.Item label={t('flows.sla.hours')} style={{ marginBottom: 8 }}>
        <InputNumber
          min={0}
          max={8760}
          value={sla?.hours ?? null}
          data-testid="flow-sla-hours"
          // An empty deadline removes the SLA altogether.
          onChange={(hours) => set({ sla: hours ? patched<Sla>(sla ?? { hours }, { hours }) : undefined }, 'sla')}
        />
      </Form.Item>
      {sla && (
        <>
          <Form.Item label={t('flows.sla.remindEvery')} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={8760} value={sla.remindEvery ?? null} onChange={(remindEvery) => setSla({ remindEvery: remindEvery || undefined })} />
          </Form.Item>
          <Form.Item label={t('flows.sla.onTimeout')} style={{ marginBottom: 8 }}>
            <Select
              value={sla.onTimeout ?? 'remind'}
              options={ON_TIMEOUT.map((v) => ({ value: v, label: t(`flows.sla.onTimeout.${v}`) }))}
              onChange={(onTimeout) =>
                setSla({ onTimeout, transferTo: onTimeout === 'transfer' ? (sla.transferTo ?? { kind: 'department_head', levels: 1 }) : undefined })
              }
            />
          </Form.Item>
          {sla.onTimeout === 'transfer' && sla.transferTo && (
            <Form.Item label={t('flows.sla.transferTo')} style={{ marginBottom: 8 }}>
              <ApproverRules
                rules={[sla.transferTo]}
                object={object}
                kinds={['user', 'role', 'department_head', 'user_field']}
                testId="flow-sla-transfer"
                onChange={(rules) => setSla({ transferTo: rules.at(-1) ?? { kind: 'department_head', levels: 1 } })}
              />
            </Form.Item>
          )}
        </>
      )}
    </>
  );
}
