import { FIELD_PERMISSIONS, type FieldPermission, type FlowNode, type ObjectDefinition } from '@tessera/schemas';
import { Radio, Table } from 'antd';
import { useLabel } from '../../i18n/use-label';
import { useFlowT } from '../i18n/use-flow-t';

/** What the approver of this step may do with each field of the record (read-only unless said otherwise). */
export function FieldPermissions({ node, object, set }: { node: FlowNode; object: ObjectDefinition; set: (patch: Partial<FlowNode>) => void }) {
  const t = useFlowT();
  const label = useLabel();
  const permissions = node.fieldPermissions ?? {};
  const change = (fieldId: string, permission: FieldPermission) => {
    const next: Record<string, FieldPermission> = { ...permissions, [fieldId]: permission };
    // Read-only is what a field is anyway: it leaves no trace in the document.
    if (permission === 'readonly') delete next[fieldId];
    set({ fieldPermissions: Object.keys(next).length ? next : undefined });
  };
  const fields = object.fields.filter((f) => f.type !== 'related_list');
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={fields}
      data-testid="flow-field-permissions"
      columns={[
        { title: t('flows.permission.field'), key: 'field', render: (_, field) => label(field.label, field.id) },
        {
          title: t('flows.permissions'),
          key: 'permission',
          render: (_, field) => (
            <Radio.Group
              size="small"
              optionType="button"
              value={permissions[field.id] ?? 'readonly'}
              data-testid={`flow-permission-${field.id}`}
              options={FIELD_PERMISSIONS.map((p) => ({ value: p, label: t(`flows.permission.${p}`) }))}
              onChange={(e) => change(field.id, e.target.value as FieldPermission)}
            />
          ),
        },
      ]}
    />
  );
}
