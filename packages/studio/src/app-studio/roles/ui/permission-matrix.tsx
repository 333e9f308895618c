import type { ObjectDefinition, RoleDefinition } from '@tessera/schemas';
import { Button, Checkbox, Select, Table } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useRoleT } from '../i18n/use-role-t';
import { permissionOf, type RecordAction, ROLE_ACTIONS, SCOPE_CHOICES, type ScopeChoice, scopeOf, setAction, setRowScope } from '../model/role-edits';

interface PermissionMatrixProps {
  role: RoleDefinition;
  objects: readonly ObjectDefinition[];
  /** The object whose fields and row condition are open below the matrix. */
  detail: string | null;
  onDetail: (objectId: string) => void;
}

/** One row per object: the role's actions on it, which of its rows, and a way into its fields. */
export function PermissionMatrix({ role, objects, detail, onDetail }: PermissionMatrixProps) {
  const t = useRoleT();
  const label = useLabel();
  const { edit } = useStudioStore().getState();
  const actionColumn = (action: RecordAction) => ({
    key: action,
    title: t(`roles.action.${action}`),
    width: 72,
    align: 'center' as const,
    render: (object: ObjectDefinition) => (
      <Checkbox
        checked={permissionOf(role, object.id)?.actions.includes(action) ?? false}
        onChange={(e) => edit((d) => setAction(d, role.id, object.id, action, e.target.checked))}
        aria-label={t('roles.actionOf', { object: label(object.label, object.id), action: t(`roles.action.${action}`) })}
        data-testid={`role-action-${object.id}-${action}`}
      />
    ),
  });
  return (
    <Table<ObjectDefinition>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...objects]}
      data-testid="permission-matrix"
      rowClassName={(object) => (object.id === detail ? 'role-matrix-open' : '')}
      columns={[
        { key: 'object', title: t('roles.object'), render: (object: ObjectDefinition) => label(object.label, object.id) },
        ...ROLE_ACTIONS.map(actionColumn),
        {
          key: 'rows',
          title: t('roles.rows'),
          width: 200,
          render: (object: ObjectDefinition) => {
            const permission = permissionOf(role, object.id);
            if (!permission) return <span className="role-matrix-none">{t('roles.noRead')}</span>;
            return (
              <Select<ScopeChoice>
                size="small"
                style={{ width: '100%' }}
                value={scopeOf(permission)}
                onChange={(scope) => {
                  edit((d) => setRowScope(d, role.id, object.id, scope));
                  if (scope === 'formula') onDetail(object.id);
                }}
                options={SCOPE_CHOICES.map((scope) => ({ value: scope, label: t(`roles.scope.${scope}`) }))}
                aria-label={t('roles.scopeOf', { object: label(object.label, object.id) })}
                data-testid={`role-scope-${object.id}`}
              />
            );
          },
        },
        {
          key: 'fields',
          title: t('roles.fields'),
          width: 150,
          render: (object: ObjectDefinition) => {
            const permission = permissionOf(role, object.id);
            return (
              <Button
                size="small"
                type={object.id === detail ? 'primary' : 'default'}
                disabled={!permission}
                onClick={() => onDetail(object.id)}
                aria-label={t('roles.fieldsOf', { object: label(object.label, object.id) })}
                data-testid={`role-fields-${object.id}`}
              >
                {t('roles.fieldSummary', { hidden: permission?.hiddenFields?.length ?? 0, readOnly: permission?.readOnlyFields?.length ?? 0 })}
              </Button>
            );
          },
        },
      ]}
    />
  );
}
