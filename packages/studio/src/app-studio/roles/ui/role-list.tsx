import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { translate } from '@tessera/i18n';
import { Button, Empty, List, Popconfirm, Typography } from 'antd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useRoleT } from '../i18n/use-role-t';
import { addRole, nextRoleId, removeRole } from '../model/role-edits';
import './roles.css';

/** The draft's roles in the side list: open one, add one, delete one after asking. */
export function RoleList() {
  const t = useRoleT();
  const label = useLabel();
  const store = useStudioStore();
  const roles = useStudio((s) => s.document?.roles) ?? [];
  const openId = useStudio((s) => s.selection.roleId ?? null);
  const { edit } = store.getState();
  const add = () => {
    const id = nextRoleId(store.getState().document ?? { id: '', label: {}, objects: [] });
    // Labelled in both languages, so an admin working in the other one never sees a blank name.
    const newLabel = { 'zh-CN': translate('zh-CN', 'roles.newLabel'), en: translate('en', 'roles.newLabel') };
    edit((d) => addRole(d, { id, label: newLabel }), { select: { roleId: id } });
  };
  return (
    <div data-testid="role-list">
      {roles.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roles.none')} />}
      <List
        size="small"
        dataSource={roles}
        renderItem={(role) => {
          const name = label(role.label, role.id);
          const open = role.id === openId;
          return (
            <List.Item
              data-testid={`role-list-${role.id}`}
              onClick={() => store.getState().select({ roleId: role.id })}
              style={{ cursor: 'pointer', background: open ? '#e6f4ff' : undefined, paddingInline: 8 }}
              actions={[
                <Popconfirm
                  key="delete"
                  title={t('roles.deleteConfirm', { name })}
                  onConfirm={() => edit((d) => removeRole(d, role.id), { select: { roleId: null } })}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('roles.delete')} ${name}`}
                    data-testid={`role-delete-${role.id}`}
                    onClick={(event) => event.stopPropagation()}
                  />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <button type="button" className="role-list-open" aria-current={open} onClick={() => store.getState().select({ roleId: role.id })}>
                    {name}
                  </button>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {role.id}
                  </Typography.Text>
                }
              />
            </List.Item>
          );
        }}
      />
      <Button type="dashed" block icon={<PlusOutlined />} onClick={add} style={{ marginTop: 8 }} data-testid="role-new">
        {t('roles.add')}
      </Button>
    </div>
  );
}
