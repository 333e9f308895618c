import { ApartmentOutlined, AuditOutlined, FunctionOutlined, TeamOutlined } from '@ant-design/icons';
import { ADMIN_SECTIONS, type AdminSection, useAuthStore, useRouteStore } from '@tessera/ui';
import { Grid, Layout, Menu, Result } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { ToolHeader } from '../shell/tool-header';
import { AuditPage } from './audit-page';
import { DepartmentsPage } from './departments-page';
import { UsersPage } from './users-page';

const ICONS: Record<AdminSection, ReactNode> = {
  users: <TeamOutlined />,
  departments: <ApartmentOutlined />,
  audit: <AuditOutlined />,
};

function isSection(key: string): key is AdminSection {
  return ADMIN_SECTIONS.some((s) => s === key);
}

/** The menu key of the formula playground: a page of its own (/studio/formula), not a section. */
const FORMULA_KEY = 'formula';

/** Administration: users, departments, audit log. The server refuses non-admins anyway; this says so kindly. */
export function AdminPage({ section }: { section: AdminSection }) {
  const t = useT();
  const isAdmin = useAuthStore((s) => s.me?.isAdmin ?? false);
  const navigate = useRouteStore((s) => s.navigate);
  const isMobile = !Grid.useBreakpoint().md;
  const menuItems = [
    ...ADMIN_SECTIONS.map((s) => ({ key: s, icon: ICONS[s], label: t(`admin.${s}`) })),
    { key: FORMULA_KEY, icon: <FunctionOutlined />, label: t('admin.formula'), 'data-testid': 'admin-nav-formula' },
  ];
  const openMenu = (key: string): void => {
    if (key === FORMULA_KEY) navigate({ name: 'studio', tool: 'formula' });
    else if (isSection(key)) navigate({ name: 'admin', section: key });
  };

  return (
    <Layout style={{ height: '100%' }} data-testid="admin-page">
      <ToolHeader title={t('admin.title')} compact={isMobile} />
      {!isAdmin ? (
        <Result status="403" subTitle={t('admin.forbidden')} />
      ) : (
        <Layout hasSider={!isMobile}>
          {!isMobile && (
            <Layout.Sider width={200} className="tessera-sider">
              <Menu
                mode="inline"
                data-testid="admin-nav"
                selectedKeys={[section]}
                items={menuItems}
                onClick={({ key }) => openMenu(key)}
                style={{ borderInlineEnd: 'none' }}
              />
            </Layout.Sider>
          )}
          <Layout.Content className="tessera-content tessera-admin-content">
            {isMobile && <Menu mode="horizontal" selectedKeys={[section]} items={menuItems} onClick={({ key }) => openMenu(key)} style={{ marginBottom: 8 }} />}
            {section === 'users' && <UsersPage />}
            {section === 'departments' && <DepartmentsPage />}
            {section === 'audit' && <AuditPage />}
          </Layout.Content>
        </Layout>
      )}
    </Layout>
  );
}
