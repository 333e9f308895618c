import { type AppSummary, type Department, localized, useSessionStore } from '@tessera/ui';
import { Alert, Button, Divider, Drawer, Empty, Flex, Form, Input, Popconfirm, Select, Skeleton, Switch, Tag, TreeSelect, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { buildDepartmentTree } from './department-tree';
import { useAppRoles } from './use-app-roles';
import { generatePassword, type UserEditor, type UserFormValues } from './use-user-editor';

interface UserDrawerProps {
  editor: UserEditor;
  departments: Department[];
  apps: AppSummary[];
  currentUserId: string | null;
}

export function UserDrawer({ editor, departments, apps, currentUserId }: UserDrawerProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { form, editing, mode } = editor;
  const appRoles = useAppRoles(apps, editor.open && mode === 'edit');
  const creating = mode === 'create';

  return (
    <Drawer
      open={editor.open}
      onClose={editor.close}
      size={520}
      title={creating ? t('users.new') : t('users.editTitle', { name: editing?.name ?? '' })}
      data-testid="user-drawer"
      forceRender
      extra={
        <Button type="primary" loading={editor.saving} onClick={() => form.submit()} data-testid="user-save">
          {creating ? t('common.create') : t('common.save')}
        </Button>
      }
    >
      <Form<UserFormValues> form={form} name="user-form" layout="vertical" requiredMark={false} onFinish={(v) => void editor.save(v)}>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[
            { required: true, message: t('common.required') },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input disabled={!creating} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('users.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        {creating && (
          <Form.Item label={t('users.initialPassword')} extra={t('users.initialPasswordHelp')} required>
            <Flex gap={8}>
              <Form.Item name="password" noStyle rules={[{ required: true, message: t('common.required') }]}>
                <Input autoComplete="new-password" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('password', generatePassword())}>{t('users.generate')}</Button>
            </Flex>
          </Form.Item>
        )}
        <Form.Item name="departmentId" label={t('users.department')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            placeholder={t('users.noDepartment')}
            treeData={buildDepartmentTree(departments)}
            data-testid="user-department"
          />
        </Form.Item>
        <Form.Item name="isAdmin" label={t('users.admin')} valuePropName="checked">
          <Switch disabled={!creating && editing?.id === currentUserId} />
        </Form.Item>
      </Form>

      {editing && (
        <>
          <Divider titlePlacement="start">{t('users.rolesTitle')}</Divider>
          <Typography.Paragraph type="secondary">{t('users.rolesHelp')}</Typography.Paragraph>
          {appRoles.status === 'loading' && <Skeleton active paragraph={{ rows: 2 }} />}
          {appRoles.status === 'failed' && <Alert type="error" showIcon title={String(appRoles.error)} />}
          {appRoles.status === 'ready' && appRoles.data.length === 0 && <Empty description={t('apps.empty')} />}
          {appRoles.status === 'ready' && (
            <Flex vertical gap={12}>
              {appRoles.data.map((app) => (
                <div key={app.appId} data-testid={`user-roles-${app.appId}`}>
                  <Typography.Text strong>{localized(app.label, locale, app.appId)}</Typography.Text>
                  <Select
                    mode="multiple"
                    style={{ width: '100%', marginTop: 4 }}
                    placeholder={app.roles.length > 0 ? t('users.selectRoles') : t('users.appNoRoles')}
                    disabled={app.roles.length === 0}
                    value={editing.roles[app.appId] ?? []}
                    options={app.roles.map((r) => ({ value: r.id, label: localized(r.label, locale, r.id) }))}
                    onChange={(roles: string[]) => void editor.setRoles(editing, app.appId, roles)}
                  />
                </div>
              ))}
            </Flex>
          )}

          <Divider titlePlacement="start">{t('users.status')}</Divider>
          <Flex justify="space-between" align="center">
            {editing.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
            <Popconfirm
              title={t(editing.active ? 'users.deactivateConfirm' : 'users.reactivateConfirm', { name: editing.name })}
              okText={t(editing.active ? 'users.deactivate' : 'users.reactivate')}
              okButtonProps={{ danger: editing.active }}
              cancelText={t('common.cancel')}
              onConfirm={() => editor.setActive(editing, !editing.active)}
            >
              <Button danger={editing.active} disabled={editing.id === currentUserId} data-testid="user-toggle-active">
                {t(editing.active ? 'users.deactivate' : 'users.reactivate')}
              </Button>
            </Popconfirm>
          </Flex>
        </>
      )}
    </Drawer>
  );
}
