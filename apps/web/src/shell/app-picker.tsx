import { PlusOutlined } from '@ant-design/icons';
import { ErrorState, LanguageSwitch } from '@tessera/ui';
import { Button, Col, Empty, Flex, Layout, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { BrandMark } from '../auth/brand-mark';
import { UserMenu } from '../auth/user-menu';
import { useT } from '../i18n/use-t';
import { AppCard } from './app-card';
import { ApprovalsButton } from './approvals-button';
import { useApps } from './use-apps';

// Administrators only: the dialog comes with the studio's chunk, never on an end user's first load.
const NewAppDialog = lazy(() => import('@tessera/studio/app-studio').then((m) => ({ default: m.NewAppDialog })));
const DeleteAppDialog = lazy(() => import('@tessera/studio/app-studio').then((m) => ({ default: m.DeleteAppDialog })));

// One card per row on a phone, up to four on a wide screen.
const column = { xs: 24, sm: 12, md: 8, xl: 6 };

export function AppPicker() {
  const t = useT();
  const { apps, openApp, designApp, isAdmin, creating, setCreating, copyable, deleting, setDeleting, deleted } = useApps();

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="tessera-header">
        <Flex align="center" gap={10} style={{ flex: 1 }}>
          <BrandMark />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
        </Flex>
        <LanguageSwitch />
        <ApprovalsButton />
        <UserMenu />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={3}>{t('apps.title')}</Typography.Title>
          {isAdmin && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-app">
              {t('apps.new')}
            </Button>
          )}
        </Flex>
        {creating && (
          <Suspense fallback={null}>
            <NewAppDialog open apps={copyable} onClose={() => setCreating(false)} onCreated={designApp} />
          </Suspense>
        )}
        {deleting !== null && (
          <Suspense fallback={null}>
            <DeleteAppDialog appId={deleting} onClose={() => setDeleting(null)} onDeleted={deleted} />
          </Suspense>
        )}
        <Typography.Paragraph type="secondary">{t('apps.subtitle')}</Typography.Paragraph>
        {apps.status === 'loading' && <Skeleton active />}
        {apps.status === 'failed' && <ErrorState title={t('apps.loadFailed')} error={apps.error} onRetry={apps.reload} />}
        {apps.status === 'ready' && apps.data.length === 0 && <Empty description={t('apps.empty')} />}
        {apps.status === 'ready' && (
          <Row gutter={[16, 16]}>
            {apps.data.map((app) => {
              // An app nobody can use yet is still the administrator's to design.
              const open = app.liveVersion !== null ? openApp : isAdmin ? designApp : undefined;
              return (
                <Col key={app.id} {...column}>
                  <AppCard app={app} isAdmin={isAdmin} onOpen={open} onDesign={designApp} onDelete={setDeleting} />
                </Col>
              );
            })}
          </Row>
        )}
      </Layout.Content>
    </Layout>
  );
}
