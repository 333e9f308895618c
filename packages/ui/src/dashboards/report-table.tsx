import type { Locale } from '@tessera/i18n';
import { Table } from 'antd';
import { formatValue, keyText, labelText } from './chart-options';
import type { ReportAnswer } from './dashboards-api';

type Row = ReportAnswer['rows'][number];

/** A report as a table (a leaderboard is one ranked by its measure): each row opens its drill-down. */
export function ReportTable({ result, locale, ranked, onPick }: { result: ReportAnswer; locale: Locale; ranked: boolean; onPick: (row: Row) => void }) {
  const columns = [
    ...(ranked ? [{ key: 'rank', title: '#', width: 48, render: (_: unknown, __: Row, index: number) => index + 1 }] : []),
    ...result.dimensions.map((d) => ({
      key: d.id,
      title: labelText(d.label, locale, d.field),
      render: (_: unknown, row: Row) => keyText(row.keys[d.id], locale),
    })),
    ...result.measures.map((m) => ({
      key: m.id,
      title: labelText(m.label, locale, m.id),
      align: 'right' as const,
      render: (_: unknown, row: Row) => formatValue(row.values[m.id], m.format, locale),
    })),
  ];
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey={(row) => JSON.stringify(row.keys)}
      columns={columns}
      dataSource={result.rows}
      onRow={(row) => ({ onClick: () => onPick(row), style: { cursor: 'pointer' } })}
      scroll={{ y: 260 }}
    />
  );
}
