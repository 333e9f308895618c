import { PlusOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { localized, pluralTitle } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useObjectDefinition } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { ErrorState } from '../shell/error-state';
import { errorMessage } from '../api/error-message';
import { RecordTable } from './record-table';
import { useDrawerTarget } from './use-drawer-target';
import { useRecordList } from './use-record-list';

// The form, its widgets and the date picker load when a record is first opened.
const RecordDrawer = lazy(() => import('../records/record-drawer').then((m) => ({ default: m.RecordDrawer })));

interface ObjectPageProps {
  appId: string;
  objectId: string;
}

export function ObjectPage({ appId, objectId }: ObjectPageProps) {
  const object = useObjectDefinition(objectId);
  // The layout only mounts this page for objects of the live document; null means a reload raced us.
  return object ? <ObjectPageBody appId={appId} object={object} /> : null;
}

function ObjectPageBody({ appId, object }: { appId: string; object: ObjectDefinition }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const list = useRecordList(appId, object);
  const drawer = useDrawerTarget();
  const fieldLabel = list.searchField ? localized(list.searchField.label, locale, list.searchField.id) : '';
  const count = new Intl.NumberFormat(locale).format(list.total ?? 0);

  return (
    <Flex vertical gap={12} data-testid={`object-page-${object.id}`}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex align="baseline" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>{pluralTitle(object, locale)}</Typography.Title>
          {list.status === 'ready' && list.total !== null && (
            <Typography.Text type="secondary" data-testid="record-total">
              {t(list.totalIsEstimate ? 'list.totalEstimate' : 'list.total', { count })}
            </Typography.Text>
          )}
        </Flex>
        {/* 300 px basis: on a phone the controls drop below the title as one full-width row. */}
        <Flex gap={8} style={{ flex: '1 1 300px', justifyContent: 'flex-end' }}>
          {list.searchField && (
            <Input.Search
              allowClear
              data-testid="record-search"
              placeholder={t('list.search', { field: fieldLabel })}
              value={list.searchText}
              onChange={(e) => list.setSearchText(e.target.value)}
              style={{ flex: '1 1 auto', minWidth: 0, maxWidth: 320 }}
            />
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={drawer.openCreate} data-testid="record-new">
            {t('list.new')}
          </Button>
        </Flex>
      </Flex>

      {list.status === 'failed' ? (
        <ErrorState title={t('list.loadFailed')} error={list.error} onRetry={list.reload} />
      ) : (
        <RecordTable
          object={object}
          records={list.items}
          loading={list.status === 'loading'}
          sort={list.sort}
          onSortChange={list.setSort}
          onOpen={drawer.openEdit}
        />
      )}

      {list.status === 'ready' && list.error !== null && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      {list.status === 'ready' && list.nextCursor && (
        <Button block loading={list.loadingMore} onClick={list.loadMore} data-testid="record-load-more">
          {t('list.loadMore')}
        </Button>
      )}
      {list.status === 'ready' && !list.nextCursor && list.items.length > 0 && (
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          {t('list.allLoaded', { count: list.items.length })}
        </Typography.Text>
      )}

      {drawer.target && (
        <Suspense fallback={null}>
          <RecordDrawer
            appId={appId}
            object={object}
            target={drawer.target}
            onClose={drawer.close}
            onSaved={list.upsert}
            onDeleted={list.remove}
          />
        </Suspense>
      )}
    </Flex>
  );
}
