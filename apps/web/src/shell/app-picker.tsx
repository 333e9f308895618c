import { ErrorState, LanguageSwitch, localized, useSessionStore } from '@tessera/ui';
import { Card, Col, Empty, Flex, Layout, Row, Skeleton, Tag, Typography } from 'antd';
import { BrandMark } from '../auth/brand-mark';
import { UserMenu } from '../auth/user-menu';
import { useT } from '../i18n/use-t';
import { ApprovalsButton } from './approvals-button';
import { useApps } from './use-apps';

// One card per row on a phone, up to four on a wide screen.
const column = { xs: 24, sm: 12, md: 8, xl: 6 };

export function AppPicker() {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { apps, openApp } = useApps();

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
        <Typography.Title level={3}>{t('apps.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('apps.subtitle')}</Typography.Paragraph>
        {apps.status === 'loading' && <Skeleton active />}
        {apps.status === 'failed' && <ErrorState title={t('apps.loadFailed')} error={apps.error} onRetry={apps.reload} />}
        {apps.status === 'ready' && apps.data.length === 0 && <Empty description={t('apps.empty')} />}
        {apps.status === 'ready' && (
          <Row gutter={[16, 16]}>
            {apps.data.map((app) => {
              const published = app.liveVersion !== null;
              return (
                <Col key={app.id} {...column}>
                  <Card
                    hoverable={published}
                    data-testid={`app-card-${app.id}`}
                    onClick={published ? () => openApp(app.id) : undefined}
                    style={published ? undefined : { opacity: 0.6 }}
                  >
                    <Flex vertical gap={8}>
                      <Typography.Text strong>{localized(app.label, locale, app.id)}</Typography.Text>
                      <Flex justify="space-between" align="center">
                        <Typography.Text type="secondary" code>
                          {app.id}
                        </Typography.Text>
                        {published ? <Tag color="green">{t('apps.version', { version: app.liveVersion ?? '' })}</Tag> : <Tag>{t('apps.notPublished')}</Tag>}
                      </Flex>
                    </Flex>
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
      </Layout.Content>
    </Layout>
  );
}
