import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { lazy, memo, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/error-message';
import type { RecordSort } from '../api/types';
import { ExportButton } from '../data-transfer/export-button';
import { pluralTitle } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { BulkBar } from '../list-view/bulk-bar';
import { bulkEditableFields } from '../list-view/bulk-fields';
import { BulkReportModal } from '../list-view/bulk-report-modal';
import { ColumnChooser } from '../list-view/column-chooser';
import { FilterBar } from '../list-view/filter-bar';
import { LinkProblemAlert } from '../list-view/link-problem-alert';
import { isRefusedQuery } from '../list-view/list-link';
import { QuickSearch } from '../list-view/quick-search';
import { useBulkActions } from '../list-view/use-bulk-actions';
import { useFillHeight } from '../list-view/use-fill-height';
import { useListScope } from '../list-view/use-list-scope';
import { useListViews } from '../list-view/use-list-views';
import { ViewPicker } from '../list-view/view-picker';
import { preloadOnIntent } from '../records/lazy-record-drawer';
import { ErrorState } from '../shell/error-state';
import { useAuthStore } from '../stores/auth-store';
import { useCurrentAppStore } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { type RecordChange, useRecordChanges } from '../views/record-change';
import type { ViewChoice } from '../views/view-choice';
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
  /** Opens the board or calendar a designer's view is laid out as, when the person picks it. */
  onLayout?: (layout: ViewChoice) => void;
}

// The bulk edit dialog brings the record form's widgets: loaded when first opened, as the drawer is.
const BulkEditModal = lazy(() => import('../list-view/bulk-edit-modal').then((m) => ({ default: m.BulkEditModal })));
// The duplicate scan and its merge dialog load when first opened.
const DuplicateScanDrawer = lazy(() => import('../duplicates/duplicate-scan-drawer').then((m) => ({ default: m.DuplicateScanDrawer })));
// The import wizard (upload, mapping, check, result) loads when first opened.
const ImportWizard = lazy(() => import('../data-transfer/import-wizard').then((m) => ({ default: m.ImportWizard })));

/** Room kept under the table for the loaded count and the "load more" button. */
const FOOTER_HEIGHT = 64;
const NEWEST_FIRST: RecordSort[] = [{ field: 'created_at', direction: 'desc' }];
const NO_OBJECTS: readonly ObjectDefinition[] = [];

/**
 * The object's records as a list view: saved views, filter chips, column chooser, quick search,
 * server sort, row selection with bulk edit and delete, and a virtual table that loads the next
 * page as the user nears the end. Memoized: opening or closing the page's drawer re-renders the
 * page, and the table (antd's, with its columns and row checkboxes) has no part in that.
 */
export const TableView = memo(function TableView({ appId, object, change, controls, onOpen, onLayout }: TableViewProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { modal, message } = App.useApp();
  const objects = useCurrentAppStore((s) => s.document?.objects ?? NO_OBJECTS);
  const scope = useListScope(object);
  const views = useListViews(appId, object, scope, onLayout);
  const { filters, sort, columns, search, columnWidths } = views.state;
  const request = useMemo(() => (views.ready ? { filters, sort } : null), [views.ready, filters, sort]);
  const list = useRecordList(appId, object, request, scope.searchField?.id ?? null, search);
  useRecordChanges(change, list.upsert, list.remove);
  const { refuseLink } = views;
  useEffect(() => {
    if (list.status === 'failed' && isRefusedQuery(list.error)) refuseLink();
  }, [list.status, list.error, refuseLink]);

  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [scanning, setScanning] = useState(false);
  // The scan and merge are an administrator's cleaning tools, offered where match rules exist.
  const isAdmin = useAuthStore((s) => s.me?.isAdmin ?? false);
  const canScan = isAdmin && (object.matchRules?.length ?? 0) > 0;
  // Only rows still in the list count: a search or a filter that hides a row also unselects it.
  const selectedIds = useMemo(() => {
    const loaded = new Set(list.items.map((r) => r.id));
    return selected.filter((id) => loaded.has(id));
  }, [selected, list.items]);
  const bulk = useBulkActions(appId, object.id, { onUpdated: list.refreshMany, onDeleted: list.removeMany });
  const canEdit = scope.can('update');
  const canDelete = scope.can('delete');
  const editable = useMemo(() => bulkEditableFields(object, scope.access), [object, scope.access]);

  const toolbar = useRef<HTMLDivElement>(null);
  const tableArea = useRef<HTMLDivElement>(null);
  const height = useFillHeight(tableArea, FOOTER_HEIGHT, toolbar);
  const columnFields = useMemo(() => {
    const byId = new Map(scope.cellFields.map((f) => [f.id, f]));
    return columns.flatMap((id) => byId.get(id) ?? []);
  }, [columns, scope.cellFields]);

  const setSort = useCallback((next: RecordSort[]) => views.setSort(next.length > 0 ? next : NEWEST_FIRST), [views]);
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);

  const confirmDelete = () => {
    const ids = selectedIds;
    modal.confirm({
      title: t('listView.bulk.deleteTitle', { count: ids.length }),
      content: t('listView.bulk.deleteBody'),
      okText: t('listView.bulk.deleteOk', { count: ids.length }),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await bulk.remove(ids);
          setSelected([]);
        } catch (error) {
          void message.error(errorMessage(error, t));
        }
      },
    });
  };

  return (
    <>
      <ObjectHeader
        title={pluralTitle(object, locale)}
        meta={
          list.status === 'ready' &&
          list.total !== null && (
            <Typography.Text type="secondary" data-testid="record-total">
              {t(list.totalIsEstimate ? 'list.totalEstimate' : 'list.total', { count: count(list.total) })}
            </Typography.Text>
          )
        }
      >
        {scope.searchField && <QuickSearch field={scope.searchField} value={search} onChange={views.setSearch} />}
        {controls}
        {scope.can('import') && (
          <Button onClick={() => setImporting(true)} data-testid="import-button">
            {t('import.button')}
          </Button>
        )}
        {canScan && (
          <Button onClick={() => setScanning(true)} data-testid="duplicate-scan-button">
            {t('duplicates.scanButton')}
          </Button>
        )}
        {scope.can('export') && <ExportButton appId={appId} objectId={object.id} filters={filters} sort={sort} columns={columns} />}
      </ObjectHeader>
      {scanning && (
        <Suspense fallback={null}>
          <DuplicateScanDrawer appId={appId} object={object} onClose={() => setScanning(false)} onChanged={list.reload} />
        </Suspense>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportWizard appId={appId} object={object} onClose={() => setImporting(false)} onImported={list.reload} />
        </Suspense>
      )}

      <Flex vertical gap={8} ref={toolbar}>
        <Flex wrap gap={8} align="center">
          <ViewPicker views={views} />
          <ColumnChooser fields={scope.cellFields} columns={columns} defaultColumns={scope.defaultColumns} onChange={views.setColumns} />
          <FilterBar appId={appId} objects={objects} fields={scope.filterable} filters={filters} onChange={views.setFilters} />
        </Flex>
        {views.linkProblem && <LinkProblemAlert problem={views.linkProblem} onClose={views.dismissLinkProblem} />}
        {views.savedStatus === 'failed' && (
          <Alert
            type="warning"
            showIcon
            title={t('listView.views.loadFailed')}
            action={
              <Button size="small" onClick={views.retrySaved}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {selectedIds.length > 0 && (
          <BulkBar
            count={selectedIds.length}
            canEdit={canEdit}
            canDelete={canDelete}
            onEdit={() => setEditing(true)}
            onDelete={confirmDelete}
            onClear={() => setSelected([])}
          />
        )}
      </Flex>

      {/* A pointer over the rows is the way to opening one: the drawer's code starts coming then. */}
      <div ref={tableArea} {...preloadOnIntent}>
        {list.status === 'failed' ? (
          <ErrorState title={t('list.loadFailed')} error={list.error} onRetry={list.reload} />
        ) : (
          <RecordTable
            appId={appId}
            object={object}
            records={list.items}
            loading={list.status === 'loading'}
            columns={columnFields}
            columnWidths={columnWidths}
            onColumnResize={views.setColumnWidth}
            sort={sort}
            sortable={scope.sortable}
            onSortChange={setSort}
            onOpen={onOpen}
            height={height}
            selection={canEdit || canDelete ? { selected: selectedIds, onChange: setSelected } : null}
            onNearEnd={list.loadMore}
          />
        )}
      </div>

      {list.status === 'ready' && list.error !== null && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      {/*
        Scrolling near the end loads the next page by itself; the button stays as the way in for
        keyboards and screen readers (and a retry after a failed page), with the count beside it
        so the user always knows how much of the list is loaded.
      */}
      {list.status === 'ready' && list.nextCursor && (
        <Flex gap={8} align="center" justify="center" wrap>
          {list.total !== null && (
            <Typography.Text type="secondary" data-testid="record-loaded">
              {t('listView.loaded', { loaded: count(list.items.length), total: count(list.total) })}
            </Typography.Text>
          )}
          <Button loading={list.loadingMore} onClick={list.loadMore} data-testid="record-load-more">
            {t('list.loadMore')}
          </Button>
        </Flex>
      )}
      {list.status === 'ready' && !list.nextCursor && list.items.length > 0 && (
        <Typography.Text type="secondary" style={{ textAlign: 'center' }} data-testid="record-loaded">
          {t('list.allLoaded', { count: count(list.items.length) })}
        </Typography.Text>
      )}

      {editing && (
        <Suspense fallback={null}>
          <BulkEditModal
            appId={appId}
            objects={objects}
            fields={editable}
            count={selectedIds.length}
            onClose={() => setEditing(false)}
            onSubmit={async (values) => {
              await bulk.update(selectedIds, values);
              setSelected([]);
            }}
          />
        </Suspense>
      )}
      {bulk.report && <BulkReportModal report={bulk.report} onClose={bulk.closeReport} />}
    </>
  );
});
