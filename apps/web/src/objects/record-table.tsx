import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Button, Table, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo } from 'react';
import type { RecordData, RecordSort } from '../api/types';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { routePath, useRouteStore } from '../stores/route-store';
import { ExportOutlined } from '@ant-design/icons';
import { FieldCell } from './field-cell';
import { columnFields, isSortable } from './list-columns';

interface RecordTableProps {
  appId: string;
  object: ObjectDefinition;
  records: RecordData[];
  loading: boolean;
  sort: RecordSort[];
  onSortChange: (sort: RecordSort[]) => void;
  onOpen: (recordId: string) => void;
}

function toSort(sorter: SorterResult<RecordData> | SorterResult<RecordData>[]): RecordSort[] {
  return (Array.isArray(sorter) ? sorter : [sorter])
    .filter((s) => s.order && typeof s.columnKey === 'string')
    .map((s) => ({ field: String(s.columnKey), direction: s.order === 'descend' ? 'desc' : 'asc' }));
}

export function RecordTable({ appId, object, records, loading, sort, onSortChange, onOpen }: RecordTableProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);

  const columns = useMemo((): TableProps<RecordData>['columns'] => {
    const first = sort[0];
    return columnFields(object).map((field: FieldDefinition, index) => ({
      key: field.id,
      title: localized(field.label, locale, field.id),
      ellipsis: field.type === 'long_text' || field.type === 'text',
      // Server-side sort: antd only shows the arrow, the hook re-queries.
      sorter: isSortable(field),
      sortOrder: first?.field === field.id ? (first.direction === 'desc' ? 'descend' : 'ascend') : null,
      align: field.type === 'number' || field.type === 'currency' || field.type === 'percent' ? 'right' : undefined,
      render: (_: unknown, record: RecordData) =>
        index === 0 ? (
          <span>
            {/* The first cell is also a real button, so keyboard users can open a record too. */}
            <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={(e) => { e.stopPropagation(); onOpen(record.id); }}>
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
          </span>
        ) : (
          <FieldCell field={field} record={record} locale={locale} t={t} />
        ),
    }));
  }, [appId, object, sort, locale, t, onOpen, navigate]);

  return (
    <Table<RecordData>
      rowKey="id"
      size="middle"
      data-testid="record-table"
      columns={columns}
      dataSource={records}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onChange={(_pagination, _filters, sorter) => onSortChange(toSort(sorter))}
      onRow={(record) => ({ onClick: () => onOpen(record.id), style: { cursor: 'pointer' } })}
      locale={{ emptyText: t('list.empty') }}
    />
  );
}
