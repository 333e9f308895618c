import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { type AdminUser, ErrorState, localized, useAuthStore, useSessionStore } from '@tessera/ui';
import { Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../i18n/use-t';
import { departmentPath } from './department-tree';
import { useAppRoles } from './use-app-roles';
import { useDirectory } from './use-directory';
import { useUserEditor } from './use-user-editor';
import { UserDrawer } from './user-drawer';

function matches(user: AdminUser, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return !needle || user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle);
}

export function UsersPage() {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const currentUserId = useAuthStore((s) => s.me?.userId ?? null);
  const directory = useDirectory();
  const users = directory.data?.users ?? [];
  const departments = directory.data?.departments ?? [];
  const apps = directory.data?.apps ?? [];
  const editor = useUserEditor(users, directory.reload);
  const [search, setSearch] = useState('');
  const shown = useMemo(() => users.filter((u) => matches(u, search)), [users, search]);
  const appRoles = useAppRoles(apps, apps.length > 0);
  const appLabel = (appId: string) => localized(apps.find((a) => a.id === appId)?.label, locale, appId);
  // Until the drafts are read (or for a role since removed from the draft) the id stands in.
  const roleLabel = (appId: string, roleId: string) =>
    localized(appRoles.data?.find((a) => a.appId === appId)?.roles.find((r) => r.id === roleId)?.label, locale, roleId);

  if (directory.error && !directory.data) return <ErrorState title={t('users.loadFailed')} error={directory.error} onRetry={directory.reload} />;

  return (
    <Card variant="borderless" data-testid="users-page">
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('admin.users')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('users.subtitle')}</Typography.Text>
        </div>
        <Flex gap={8} wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('users.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 240 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.openCreate} data-testid="user-new">
            {t('users.new')}
          </Button>
        </Flex>
      </Flex>
      <Table<AdminUser>
        rowKey="id"
        data-testid="users-table"
        loading={directory.loading}
        dataSource={shown}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('users.total', { count }) }}
        onRow={(user) => ({ onClick: () => editor.openEdit(user), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('users.name'),
            dataIndex: 'name',
            sorter: (a, b) => a.name.localeCompare(b.name),
            render: (name: string, user) => (
              <Flex gap={6} align="center">
                <Typography.Text strong>{name}</Typography.Text>
                {user.id === currentUserId && <Tag bordered={false}>{t('users.you')}</Tag>}
              </Flex>
            ),
          },
          { title: t('users.email'), dataIndex: 'email' },
          {
            title: t('users.department'),
            dataIndex: 'departmentId',
            render: (id: string | null) => departmentPath(departments, id) ?? <Typography.Text type="secondary">{t('users.noDepartment')}</Typography.Text>,
          },
          {
            title: t('users.admin'),
            dataIndex: 'isAdmin',
            width: 110,
            render: (isAdmin: boolean) => (isAdmin ? <Tag color="blue">{t('users.admin')}</Tag> : null),
          },
          {
            title: t('users.status'),
            dataIndex: 'active',
            width: 100,
            render: (active: boolean) => (active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>),
          },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: AdminUser['roles']) => {
              const granted = Object.entries(roles).filter(([, ids]) => ids.length > 0);
              if (granted.length === 0) return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
              return (
                <Flex vertical gap={2}>
                  {granted.map(([appId, ids]) => (
                    <span key={appId}>
                      <Typography.Text type="secondary">{appLabel(appId)}: </Typography.Text>
                      {ids.map((id) => (
                        <Tag key={id} color="geekblue">
                          {roleLabel(appId, id)}
                        </Tag>
                      ))}
                    </span>
                  ))}
                </Flex>
              );
            },
          },
          {
            title: t('common.actions'),
            width: 90,
            render: (_, user) => (
              <Button
                type="link"
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  editor.openEdit(user);
                }}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <UserDrawer editor={editor} departments={departments} apps={apps} currentUserId={currentUserId} />
    </Card>
  );
}
