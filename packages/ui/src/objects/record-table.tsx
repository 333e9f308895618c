import { ExportOutlined } from '@ant-design/icons';
import type { FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';
import { Button, Table, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { type HTMLAttributes, type UIEvent, useCallback, useMemo, useState } from 'react';
import type { RecordData, RecordSort } from '../api/types';
import { isFigureField } from '../format/field-format';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { routePath, useRouteStore } from '../stores/route-store';
import { useSessionStore } from '../stores/session-store';
import { DormantBadge } from '../widgets/dormant-badge';
import { FieldCell } from './field-cell';
import { OverflowCell } from './overflow-cell';
import { type ColumnResize, ResizableHeaderCell } from './resizable-header-cell';

/** Row selection for bulk actions; absent when the user may neither edit nor delete. */
export interface TableSelection {
  selected: string[];
  onChange: (ids: string[]) => void;
}

interface RecordTableProps {
  appId: string;
  object: ObjectDefinition;
  records: RecordData[];
  loading: boolean;
  columns: FieldDefinition[];
  /** Widths the user set by dragging (pixels, by field id); other columns take their kind's width. */
  columnWidths: Readonly<Record<string, number>>;
  /** A column was dragged to a new width. */
  onColumnResize: (fieldId: string, width: number) => void;
  sort: RecordSort[];
  sortable: ReadonlySet<string>;
  onSortChange: (sort: RecordSort[]) => void;
  onOpen: (recordId: string) => void;
  /** Height of the scrolling body, in pixels. */
  height: number;
  selection: TableSelection | null;
  /** Called as the user scrolls close to the last loaded row. */
  onNearEnd: () => void;
}

/**
 * A virtual table needs every column's width up front (its horizontal scroll is a number). The
 * widths fit each kind of value; the first column, the record's name, gets more.
 */
const WIDTH: Partial<Record<FieldType, number>> = {
  long_text: 260,
  multi_select: 220,
  attachment: 220,
  image: 220,
  region: 220,
  relation: 180,
  email: 200,
  url: 200,
  datetime: 160,
  date: 120,
  checkbox: 90,
  number: 140,
  currency: 150,
  percent: 110,
  select: 130,
  user: 130,
  phone: 150,
};
const FIRST_WIDTH = 240;
const DEFAULT_WIDTH = 170;
const SELECTION_WIDTH = 48;
/** Load the next page this far (in pixels) before the last row comes into view. */
const NEAR_END_PX = 600;

const kindWidth = (field: FieldDefinition, index: number) => (index === 0 ? FIRST_WIDTH : (WIDTH[field.type] ?? DEFAULT_WIDTH));
const TABLE_COMPONENTS = { header: { cell: ResizableHeaderCell } };

function toSort(sorter: SorterResult<RecordData> | SorterResult<RecordData>[]): RecordSort[] {
  return (Array.isArray(sorter) ? sorter : [sorter])
    .filter((s) => s.order && typeof s.columnKey === 'string')
    .map((s) => ({ field: String(s.columnKey), direction: s.order === 'descend' ? 'desc' : 'asc' }));
}

/**
 * The records as a virtual table (antd's `virtual`): only the rows in view are in the page, so
 * five thousand loaded rows scroll as smoothly as fifty.
 */
export function RecordTable({
  appId,
  object,
  records,
  loading,
  columns: fields,
  columnWidths,
  onColumnResize,
  sort,
  sortable,
  onSortChange,
  onOpen,
  height,
  selection,
  onNearEnd,
}: RecordTableProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);
  // The column being dragged, at the width under the pointer; kept in the view on release.
  const [dragging, setDragging] = useState<{ field: string; width: number } | null>(null);
  const widthOf = useCallback(
    (field: FieldDefinition, index: number) => (dragging?.field === field.id ? dragging.width : (columnWidths[field.id] ?? kindWidth(field, index))),
    [dragging, columnWidths],
  );

  const columns = useMemo((): TableProps<RecordData>['columns'] => {
    const first = sort[0];
    return fields.map((field, index) => ({
      key: field.id,
      title: localized(field.label, locale, field.id),
      width: widthOf(field, index),
      onHeaderCell: () =>
        ({
          resize: {
            width: widthOf(field, index),
            label: t('listView.resizeColumn', { field: localized(field.label, locale, field.id) }),
            onResize: (width: number) => setDragging({ field: field.id, width }),
            onResizeEnd: (width: number) => {
              setDragging(null);
              onColumnResize(field.id, width);
            },
          } satisfies ColumnResize,
        }) as HTMLAttributes<HTMLElement>,
      // Server-side sort: antd only shows the arrow, the list re-queries.
      sorter: sortable.has(field.id),
      sortOrder: first?.field === field.id ? (first.direction === 'desc' ? 'descend' : 'ascend') : null,
      align: isFigureField(field) ? 'right' : undefined,
      render: (_: unknown, record: RecordData) =>
        index === 0 ? (
          <OverflowCell>
            {/* The first cell is also a real button, so keyboard users can open a record too. */}
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 'auto' }}
              onClick={(e) => {
                e.stopPropagation();
                onOpen(record.id);
              }}
            >
              <FieldCell field={field} record={record} locale={locale} t={t} />
            </Button>
            {/* A real link to the record's own page: shareable, opens in a new tab with a middle click. */}
            <a
              href={routePath({ name: 'record', appId, objectId: object.id, recordId: record.id })}
              aria-label={t('list.openPage')}
              title={t('list.openPage')}
              data-testid="record-open-page"
              style={{ marginInlineStart: 8 }}
              onClick={(e) => {
                e.stopPropagation();
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                navigate({ name: 'record', appId, objectId: object.id, recordId: record.id });
              }}
            >
              <ExportOutlined />
            </a>
            <DormantBadge object={object} record={record} />
          </OverflowCell>
        ) : (
          <OverflowCell>
            <FieldCell field={field} record={record} locale={locale} t={t} />
          </OverflowCell>
        ),
    }));
  }, [appId, object, fields, widthOf, sort, sortable, locale, t, onOpen, onColumnResize, navigate]);

  const width = fields.reduce((sum, field, index) => sum + widthOf(field, index), selection ? SELECTION_WIDTH : 0);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const body = event.currentTarget;
    // Horizontal scrolling reports the non-scrolling wrapper: only a body that scrolls counts.
    if (!body || body.scrollHeight <= body.clientHeight) return;
    if (body.scrollHeight - body.scrollTop - body.clientHeight < NEAR_END_PX) onNearEnd();
  };

  return (
    <Table<RecordData>
      virtual
      rowKey="id"
      size="middle"
      data-testid="record-table"
      columns={columns}
      components={TABLE_COMPONENTS}
      dataSource={records}
      loading={loading}
      pagination={false}
      scroll={{ x: width, y: height }}
      onScroll={onScroll}
      onChange={(_pagination, _filters, sorter) => onSortChange(toSort(sorter))}
      onRow={(record) => ({ onClick: () => onOpen(record.id), style: { cursor: 'pointer' } })}
      rowSelection={
        selection
          ? {
              columnWidth: SELECTION_WIDTH,
              selectedRowKeys: selection.selected,
              onChange: (keys) => selection.onChange(keys.map(String)),
              getCheckboxProps: () => ({ 'aria-label': t('listView.bulk.selectRecord') }),
            }
          : undefined
      }
      locale={{ emptyText: t('list.empty') }}
    />
  );
}
