import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, type MenuProps, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/use-t';
import { type UserMenuAction, useUserMenu } from './use-user-menu';

// The account dialogs bring antd's Table, Form and Pagination: loaded when first opened, so a
// first visit downloads none of it.
const ChangePasswordModal = lazy(() => import('./change-password-modal').then((m) => ({ default: m.ChangePasswordModal })));
const ApiTokensModal = lazy(() => import('./api-tokens-modal').then((m) => ({ default: m.ApiTokensModal })));

function isAction(key: string): key is UserMenuAction {
  return key === 'password' || key === 'tokens' || key === 'admin' || key === 'sign-out';
}

/** The header's account menu: who is signed in, their password and tokens, administration, sign out. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { me, dialog, run, closeDialog } = useUserMenu();
  if (!me) return null;

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <Flex vertical style={{ padding: '4px 0', maxWidth: 240 }}>
          <Typography.Text strong ellipsis>
            {me.name}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {me.email}
          </Typography.Text>
          {me.isAdmin && (
            <Tag color="blue" style={{ marginTop: 4, width: 'fit-content' }}>
              {t('user.adminBadge')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword'), 'data-testid': 'user-menu-password' },
    { key: 'tokens', icon: <ApiOutlined />, label: t('user.apiTokens'), 'data-testid': 'user-menu-tokens' },
    ...(me.isAdmin ? [{ key: 'admin', icon: <SettingOutlined />, label: t('user.admin'), 'data-testid': 'user-menu-admin' }] : []),
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('user.signOut'), danger: true, 'data-testid': 'user-menu-sign-out' },
  ];

  return (
    <>
      <Dropdown menu={{ items, onClick: ({ key }) => isAction(key) && run(key) }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-menu" aria-label={t('user.menu')} style={{ paddingInline: 6 }}>
          <Avatar size={26} style={{ backgroundColor: '#1f6feb', fontSize: 13 }}>
            {me.name.slice(0, 1).toUpperCase()}
          </Avatar>
          {!compact && <span className="tessera-user-name">{me.name}</span>}
          {!compact && <DownOutlined style={{ fontSize: 10 }} />}
        </Button>
      </Dropdown>
      <Suspense fallback={null}>
        {dialog === 'password' && <ChangePasswordModal open onClose={closeDialog} />}
        {dialog === 'tokens' && <ApiTokensModal open onClose={closeDialog} />}
      </Suspense>
    </>
  );
}
