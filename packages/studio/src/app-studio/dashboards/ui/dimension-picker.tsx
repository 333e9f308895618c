import type { DateGrain, ReportDimension } from '@tessera/schemas';
import { Form, Select, Space } from 'antd';
import type { NamedColumn } from '../hooks/use-report-columns';
import type { DashboardMessage } from '../i18n/dashboard-messages';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { DIMENSION_KINDS, dimensionKindOf } from '../model/report-kinds';

const NONE = '__none';

/** One group of a report: a column by kind (a field, a date with its grain), or none. */
export function DimensionPicker({
  label,
  dimension,
  columns,
  testId,
  onChange,
}: {
  label: string;
  dimension: ReportDimension | undefined;
  columns: readonly NamedColumn[];
  testId: string;
  onChange: (dimension: ReportDimension | null) => void;
}) {
  const t = useDashboardT();
  const columnOf = (id: string | undefined): NamedColumn | undefined => columns.find((c) => c.id === id);
  const kindNow = dimensionKindOf(dimension, columnOf(dimension?.field));
  return (
    <Form.Item label={label} extra={columnOf(dimension?.field)?.kind === 'select' ? t('dash.selectOrder') : undefined} style={{ marginBottom: 8 }}>
      <Space.Compact block>
        <Select
          value={dimension?.field ?? NONE}
          data-testid={testId}
          showSearch
          optionFilterProp="label"
          options={[
            { value: NONE, label: t('dash.dimension.none') },
            ...DIMENSION_KINDS.map((kind) => ({
              label: t(`dash.dimensionKind.${kind.id}` as DashboardMessage),
              options: columns.filter(kind.fits).map((c) => ({ value: c.id, label: c.name })),
            })),
          ]}
          onChange={(field: string) => {
            const column = columnOf(field);
            const kind = column && DIMENSION_KINDS.find((k) => k.fits(column));
            onChange(column && kind ? kind.make(column, dimension) : null);
          }}
        />
        {dimension && kindNow?.option && (
          <Select
            value={dimension[kindNow.option.key] ?? kindNow.option.fallback}
            data-testid={`${testId}-grain`}
            aria-label={t('dash.grain')}
            options={kindNow.option.values.map((v) => ({ value: v, label: t(`dash.grain.${v}` as DashboardMessage) }))}
            onChange={(value: DateGrain) => onChange({ ...dimension, grain: value })}
          />
        )}
      </Space.Compact>
    </Form.Item>
  );
}
