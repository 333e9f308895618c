import type { ObjectDefinition, RoleDefinition } from '@tessera/schemas';
import { Card, Form, Radio, Table, Typography } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { ObjectFormula } from '../../ui/object-formula';
import { useRoleT } from '../i18n/use-role-t';
import { type FieldAccess, fieldAccessOf, permissionOf, scopeOf, setFieldAccess, setRowFormula } from '../model/role-edits';

const ACCESS: readonly FieldAccess[] = ['editable', 'readOnly', 'hidden'];

/** One object of the role opened: its row condition in the formula editor, and each field editable, read-only or hidden. */
export function ObjectPermissionDetail({ role, object }: { role: RoleDefinition; object: ObjectDefinition }) {
  const t = useRoleT();
  const label = useLabel();
  const { edit } = useStudioStore().getState();
  const permission = permissionOf(role, object.id);
  const objectName = label(object.label, object.id);
  return (
    <Card size="small" title={t('roles.fieldsOf', { object: objectName })} data-testid={`role-detail-${object.id}`}>
      {!permission && <Typography.Text type="secondary">{t('roles.fieldsNeedRead')}</Typography.Text>}
      {permission && permission.rowFormula !== undefined && (
        <Form.Item
          layout="vertical"
          label={scopeOf(permission) === 'formula' ? t('roles.formula') : `${t(`roles.scope.${scopeOf(permission)}`)} · ${t('roles.formulaNarrows')}`}
          data-testid={`role-formula-${object.id}`}
        >
          <ObjectFormula
            value={permission.rowFormula}
            object={object}
            expectedType="boolean"
            onChange={(formula) => edit((d) => setRowFormula(d, role.id, object.id, formula), { merge: `role.${role.id}.${object.id}.formula` })}
          />
        </Form.Item>
      )}
      {permission && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={object.fields}
          columns={[
            { key: 'field', title: t('roles.fields'), render: (_: unknown, field) => label(field.label, field.id) },
            {
              key: 'access',
              width: 260,
              render: (_: unknown, field) => (
                <Radio.Group
                  size="small"
                  optionType="button"
                  value={fieldAccessOf(permission, field.id)}
                  onChange={(e) => edit((d) => setFieldAccess(d, role.id, object.id, field.id, e.target.value as FieldAccess))}
                  options={ACCESS.map((access) => ({ value: access, label: t(`roles.field.${access}`) }))}
                  aria-label={label(field.label, field.id)}
                  data-testid={`role-field-${object.id}-${field.id}`}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
