import { DeleteOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Button, Flex, Select, Typography } from 'antd';
import { useLabel } from '../../i18n/use-label';
import { ObjectFormula } from '../../ui/object-formula';
import { useFlowT } from '../i18n/use-flow-t';

/** Types a flow cannot write: computed, numbered, or lists of other records. */
const NOT_WRITABLE = new Set(['formula', 'auto_number', 'child_table', 'related_list']);

/** The values an update or create node writes: a field of `target` each, with the formula (over the flow's record) of its new value. */
export function ValuesEditor({
  values,
  onChange,
  target,
  flowObject,
}: {
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  target: ObjectDefinition | null;
  flowObject: ObjectDefinition | null;
}) {
  const t = useFlowT();
  const label = useLabel();
  const writable = (target?.fields ?? []).filter((f) => !NOT_WRITABLE.has(f.type));
  const unused = writable.filter((f) => !(f.id in values));
  return (
    <Flex vertical gap={8} data-testid="flow-values">
      {Object.entries(values).map(([fieldId, formula]) => (
        <div key={fieldId}>
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{label(target?.fields.find((f) => f.id === fieldId)?.label, fieldId)}</Typography.Text>
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('flows.rule.remove')}
              onClick={() => onChange(Object.fromEntries(Object.entries(values).filter(([id]) => id !== fieldId)))}
            />
          </Flex>
          <ObjectFormula value={formula} object={flowObject} onChange={(next) => onChange({ ...values, [fieldId]: next })} />
        </div>
      ))}
      <Select
        value={null}
        placeholder={t('flows.values.add')}
        options={unused.map((f) => ({ value: f.id, label: label(f.label, f.id) }))}
        // On the flow's own object a new value starts as the field's current value (valid at once); elsewhere empty, which the checks flag until written.
        onChange={(fieldId: string | null) => fieldId && onChange({ ...values, [fieldId]: target?.id === flowObject?.id ? fieldId : '' })}
        data-testid="flow-values-add"
      />
    </Flex>
  );
}
