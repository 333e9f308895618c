import type { FieldDefinition } from '@tessera/schemas';
import { Alert, Table, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { FieldValue } from '../../api/types';
import { localized } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { FieldCell } from '../../objects/field-cell';
import { useCurrentAppStore } from '../../stores/current-app-store';
import { useSessionStore } from '../../stores/session-store';
import { type ChildRow, childObjectOf } from './child-row';
import { columnSums } from './column-sums';
import { gridColumns } from './grid-columns';
import { createLabelStore, idsToName, loadLabels } from './relation-labels';
import { rowAsRecord } from './row-record';

const PAGE_SIZE = 20;

interface Line {
  key: string;
  number: number;
  row: ChildRow;
}

function linesOf(value: unknown): Line[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is Record<string, FieldValue> => typeof v === 'object' && v !== null && !Array.isArray(v))
    .map((values, i) => ({ key: typeof values.id === 'string' ? values.id : String(i), number: i + 1, row: { key: String(i), values } }));
}

/**
 * A record's lines read-only, as the record page shows them: the grid's columns with the values
 * the server stored (formulas included), related records by name, 20 lines a page and the totals
 * of every line under them.
 */
export function ChildTableView({ field, lines }: { field: FieldDefinition; lines: unknown }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const appId = useCurrentAppStore((s) => s.appId);
  const objects = useCurrentAppStore((s) => s.document?.objects);
  const child = useMemo(() => childObjectOf(field, objects ?? []), [field, objects]);
  const data = useMemo(() => linesOf(lines), [lines]);
  const columns = useMemo(() => (child ? gridColumns(child) : []), [child]);
  const [labelStore] = useState(createLabelStore);
  const labels = useStore(labelStore, (s) => s.labels);

  useEffect(() => {
    if (!appId) return;
    const controller = new AbortController();
    const rows = data.map((l) => l.row);
    for (const { field: column } of columns) {
      const target = column.type === 'relation' ? objects?.find((o) => o.id === column.target) : undefined;
      const ids = target ? idsToName(rows, column.id, new Set()) : [];
      if (target && ids.length > 0) {
        // A failed lookup leaves the cells without names, as a relation the reader may not see.
        loadLabels(labelStore, appId, target, ids, controller.signal).catch(() => undefined);
      }
    }
    return () => controller.abort();
  }, [appId, objects, columns, data, labelStore]);

  const summed = useMemo(() => columns.filter((c) => c.summed).map((c) => c.field), [columns]);
  const totals = useMemo(() => columnSums(summed, (row, id) => row.values[id])(data.map((l) => l.row)), [summed, data]);

  if (!child) return <Alert type="warning" showIcon title={t('childTable.missingObject')} />;

  const tableColumns: TableColumnsType<Line> = [
    { key: '#', title: t('childTable.rowNumber'), dataIndex: 'number', width: 56, fixed: 'left' },
    ...columns.map(({ field: column, width, align }) => ({
      key: column.id,
      title: localized(column.label, locale, column.id),
      width,
      align: align === 'end' ? ('right' as const) : align === 'center' ? ('center' as const) : undefined,
      render: (_: unknown, line: Line) => {
        const value = line.row.values[column.id];
        // Lines carry bare ids: the relation's name comes from the label store.
        const display = column.type === 'relation' && typeof value === 'string' && labels[value] ? { [column.id]: labels[value] } : {};
        return <FieldCell field={column} record={rowAsRecord(line.row.values, display)} locale={locale} t={t} />;
      },
    })),
  ];

  return (
    <div data-testid={`child-table-view-${field.id}`} style={{ minWidth: 0 }}>
      <Table<Line>
        size="small"
        rowKey="key"
        columns={tableColumns}
        dataSource={data}
        pagination={data.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        summary={() =>
          summed.length === 0 ? null : (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('childTable.total')}</strong>
              </Table.Summary.Cell>
              {columns.map(({ field: column, summed: isSummed, align }, i) => (
                <Table.Summary.Cell key={column.id} index={i + 1} align={align === 'end' ? 'right' : undefined}>
                  {isSummed && (
                    <strong data-testid={`child-table-view-total-${column.id}`}>
                      <FieldCell field={column} record={rowAsRecord({ [column.id]: totals[column.id] ?? null })} locale={locale} t={t} />
                    </strong>
                  )}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
    </div>
  );
}
