import { LeftOutlined, RightOutlined, SettingOutlined } from '@ant-design/icons';
import { FormulaEditor } from '@tessera/studio';
import { ErrorState, localized, useAuthStore, useRouteStore, useSessionStore } from '@tessera/ui';
import { Alert, Button, Card, Flex, Grid, Layout, Result, Select, Skeleton, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useT } from '../i18n/use-t';
import { ToolHeader } from '../shell/tool-header';
import { useFormulaPlayground } from './use-formula-playground';

/** Administrators try formulas against a real record: pick an app and an object, type, see the value. */
export function FormulaPlaygroundPage() {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const isAdmin = useAuthStore((s) => s.me?.isAdmin ?? false);
  const navigate = useRouteStore((s) => s.navigate);
  const isMobile = !Grid.useBreakpoint().md;
  const playground = useFormulaPlayground();
  const { object, sample } = playground;
  const displayField = object?.displayField;
  const sampleTitle = displayField && playground.sampleRecord ? String(playground.sampleRecord[displayField] ?? '') : '';

  return (
    <Layout style={{ height: '100%' }} data-testid="formula-playground">
      <ToolHeader title={t('formula.title')} compact={isMobile}>
        <Button type="text" icon={<SettingOutlined />} onClick={() => navigate({ name: 'admin', section: 'users' })} aria-label={t('formula.backToAdmin')}>
          {isMobile ? null : t('formula.backToAdmin')}
        </Button>
      </ToolHeader>
      <Layout.Content className="tessera-content tessera-admin-content" style={{ overflow: 'auto' }}>
        {!isAdmin ? (
          <Result status="403" subTitle={t('admin.forbidden')} />
        ) : playground.apps.status === 'failed' ? (
          <ErrorState title={t('formula.loadFailed')} error={playground.apps.error} onRetry={playground.apps.reload} />
        ) : (
          <Flex vertical gap={16} style={{ maxWidth: 960 }}>
            <Typography.Text type="secondary">{t('formula.subtitle')}</Typography.Text>
            <Space wrap size={12}>
              <Select
                data-testid="formula-app"
                style={{ minWidth: 220 }}
                placeholder={t('formula.pickApp')}
                aria-label={t('formula.app')}
                loading={playground.apps.status === 'loading'}
                value={playground.appId}
                onChange={playground.selectApp}
                options={(playground.apps.data ?? []).map((app) => ({ value: app.id, label: localized(app.label, locale, app.id) }))}
              />
              <Select
                data-testid="formula-object"
                style={{ minWidth: 220 }}
                placeholder={t('formula.pickObject')}
                aria-label={t('formula.object')}
                disabled={!playground.appId}
                loading={playground.appId !== null && playground.live.status === 'loading'}
                value={object?.id ?? null}
                onChange={playground.selectObject}
                options={playground.objects.map((candidate) => ({ value: candidate.id, label: localized(candidate.label, locale, candidate.id) }))}
              />
            </Space>
            {playground.live.status === 'failed' && <Alert type="warning" showIcon title={t('formula.loadFailed')} />}
            {object && (
              <Card
                size="small"
                title={t('formula.sample')}
                data-testid="formula-sample"
                extra={
                  <Space>
                    <Button
                      size="small"
                      icon={<LeftOutlined />}
                      aria-label={t('formula.previous')}
                      data-testid="formula-sample-previous"
                      disabled={!playground.hasPrevious}
                      onClick={playground.previous}
                    />
                    <Typography.Text data-testid="formula-sample-index">{t('formula.sampleIndex', { index: playground.sampleIndex })}</Typography.Text>
                    <Button
                      size="small"
                      icon={<RightOutlined />}
                      aria-label={t('formula.next')}
                      data-testid="formula-sample-next"
                      disabled={!playground.hasNext}
                      onClick={playground.next}
                    />
                  </Space>
                }
              >
                {sample.status === 'loading' && <Skeleton active paragraph={{ rows: 1 }} title={false} />}
                {sample.status === 'failed' && <ErrorState title={t('formula.loadFailed')} error={sample.error} onRetry={sample.reload} />}
                {sample.status === 'ready' &&
                  (playground.sampleRecord ? (
                    <Typography.Text strong data-testid="formula-sample-title">
                      {sampleTitle || String(playground.sampleRecord.id ?? '')}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">{t('formula.noRecords')}</Typography.Text>
                  ))}
              </Card>
            )}
            {object && (
              <Card size="small" title={localized(object.label, locale, object.id)}>
                <Suspense fallback={<Spin data-testid="formula-editor-loading" />}>
                  <FormulaEditor
                    // A new editor (and model) per object: undo history never crosses objects.
                    key={`${playground.appId}/${object.id}`}
                    value={playground.formula}
                    onChange={playground.setFormula}
                    fields={playground.fields}
                    relatedFields={playground.relatedFields}
                    locale={locale}
                    sampleRecord={playground.sampleRecord}
                    context={playground.context}
                    height={140}
                  />
                </Suspense>
              </Card>
            )}
          </Flex>
        )}
      </Layout.Content>
    </Layout>
  );
}
