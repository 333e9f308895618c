import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, Button, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/error-message';
import { localized, pluralTitle } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { useSessionStore } from '../stores/session-store';
import { useRecordChanges, type RecordChange } from '../views/record-change';
import { ObjectHeader } from './object-header';
import { RecordTable } from './record-table';
import { useRecordList } from './use-record-list';

interface TableViewProps {
  appId: string;
  object: ObjectDefinition;
  change: RecordChange | null;
  /** The view switcher and "New" button, placed among the table's own controls. */
  controls: ReactNode;
  onOpen: (recordId: string) => void;
}

/** The object's records as a table: count, quick search, server sort and "load more". */
export function TableView({ appId, object, change, controls, onOpen }: TableViewProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const list = useRecordList(appId, object);
  useRecordChanges(change, list.upsert, list.remove);
  const fieldLabel = list.searchField ? localized(list.searchField.label, locale, list.searchField.id) : '';
  const count = new Intl.NumberFormat(locale).format(list.total ?? 0);

  return (
    <>
      <ObjectHeader
        title={pluralTitle(object, locale)}
        meta={list.status === 'ready' && list.total !== null && (
          <Typography.Text type="secondary" data-testid="record-total">
            {t(list.totalIsEstimate ? 'list.totalEstimate' : 'list.total', { count })}
          </Typography.Text>
        )}
      >
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
        {controls}
      </ObjectHeader>

      {list.status === 'failed' ? (
        <ErrorState title={t('list.loadFailed')} error={list.error} onRetry={list.reload} />
      ) : (
        <RecordTable
          appId={appId}
          object={object}
          records={list.items}
          loading={list.status === 'loading'}
          sort={list.sort}
          onSortChange={list.setSort}
          onOpen={onOpen}
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
    </>
  );
}
