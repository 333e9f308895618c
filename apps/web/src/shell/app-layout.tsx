import { AppstoreOutlined, BuildOutlined, MenuOutlined } from '@ant-design/icons';
import { ErrorState, LanguageSwitch } from '@tessera/ui';
import { NAVIGATION_ICON_COMPONENTS } from '@tessera/ui/navigation-icons';
import { Button, Drawer, Empty, Layout, Menu, type MenuProps, Result, Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { UserMenu } from '../auth/user-menu';
import { useT } from '../i18n/use-t';
import { ApprovalsButton } from './approvals-button';
import type { NavEntry } from './navigation';
import { useAppShell } from './use-app-shell';

// The object page pulls in Table, Form and the record drawer: loaded when first needed.
const ObjectPage = lazy(() => import('@tessera/ui/object-page').then((m) => ({ default: m.ObjectPage })));
// A record's own page ("customer 360"): reached by link, never in the first load.
const RecordPage = lazy(() => import('@tessera/ui/record-page').then((m) => ({ default: m.RecordPage })));
// Dashboards bring ECharts (itself loaded on the first chart): nothing of it until one is opened.
const DashboardPage = lazy(() => import('@tessera/ui/dashboard-page').then((m) => ({ default: m.DashboardPage })));

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(entries: NavEntry[], inboxLabel: string): MenuItem[] {
  return entries.map((entry) => {
    const Icon = entry.icon ? NAVIGATION_ICON_COMPONENTS[entry.icon] : null;
    const item = { key: entry.key, label: entry.label || (entry.page === 'approvals' ? inboxLabel : entry.key), icon: Icon ? <Icon /> : undefined };
    return entry.children.length > 0 ? { ...item, children: toMenuItems(entry.children, inboxLabel) } : item;
  });
}

interface AppLayoutProps {
  appId: string;
  objectId: string | null;
  dashboardId?: string | null | undefined;
  /** A record's own page, shown in the same shell as its list (objectId is then the record's object). */
  recordId?: string | null | undefined;
}

/** The one shell of an app's pages: header, side menu, and the list, dashboard or record page in it. */
export function AppLayout({ appId, objectId, dashboardId = null, recordId = null }: AppLayoutProps) {
  const t = useT();
  const shell = useAppShell(appId, objectId, dashboardId);

  const menu = (
    <Menu
      mode="inline"
      data-testid="side-nav"
      items={toMenuItems(shell.navigation, t('approvals.title'))}
      selectedKeys={shell.selectedKey ? [shell.selectedKey] : []}
      defaultOpenKeys={shell.navigation.filter((e) => e.children.length > 0).map((e) => e.key)}
      onClick={({ key }) => shell.selectMenuItem(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header className="tessera-header">
        {shell.isMobile && <Button type="text" icon={<MenuOutlined />} aria-label={t('shell.menu')} onClick={() => shell.setMenuOpen(true)} />}
        <Typography.Title level={5} className="tessera-header-title" style={{ margin: 0 }}>
          {shell.appLabel}
        </Typography.Title>
        <Button type="text" icon={<AppstoreOutlined />} onClick={shell.goToApps} aria-label={t('shell.allApps')}>
          {shell.isMobile ? null : t('shell.allApps')}
        </Button>
        {shell.isAdmin && (
          <Button type="text" icon={<BuildOutlined />} onClick={shell.openStudio} aria-label={t('shell.designApp')} data-testid="open-studio">
            {shell.isMobile ? null : t('shell.designApp')}
          </Button>
        )}
        <LanguageSwitch compact={shell.isMobile} />
        <ApprovalsButton compact={shell.isMobile} />
        <UserMenu compact={shell.isMobile} />
      </Layout.Header>
      <Layout hasSider={!shell.isMobile}>
        {!shell.isMobile && shell.status === 'ready' && (
          <Layout.Sider width={220} className="tessera-sider">
            {menu}
          </Layout.Sider>
        )}
        {shell.isMobile && (
          <Drawer
            placement="left"
            size={260}
            open={shell.menuOpen}
            onClose={() => shell.setMenuOpen(false)}
            title={shell.appLabel}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Layout.Content className="tessera-content" style={{ overflow: 'auto' }}>
          {shell.status === 'loading' && <Spin size="large" style={{ display: 'block', marginTop: 96 }} />}
          {shell.status === 'failed' && <ErrorState title={t('shell.loadFailed')} error={shell.error} onRetry={shell.reload} />}
          {shell.status === 'ready' && !shell.hasPages && <Empty style={{ marginTop: 96 }} description={t('shell.noObjects')} />}
          {shell.status === 'ready' && dashboardId && (
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 96 }} />}>
              <DashboardPage key={`${appId}/${dashboardId}`} appId={appId} dashboardId={dashboardId} />
            </Suspense>
          )}
          {shell.status === 'ready' && shell.hasPages && !objectId && !dashboardId && <Empty style={{ marginTop: 96 }} description={t('shell.pickItem')} />}
          {shell.status === 'ready' && objectId && !shell.objectExists && <Result status="404" subTitle={t('shell.unknownObject')} />}
          {shell.status === 'ready' && objectId && shell.objectExists && recordId && (
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 96 }} />}>
              <RecordPage appId={appId} objectId={objectId} recordId={recordId} />
            </Suspense>
          )}
          {shell.status === 'ready' && objectId && shell.objectExists && !recordId && (
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 96 }} />}>
              <ObjectPage key={`${appId}/${objectId}/${shell.opened}`} appId={appId} objectId={objectId} />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
