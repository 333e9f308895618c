import { RELATIVE_RANGES, type ReportDateRange } from '@tessera/schemas';
import { Form, InputNumber, Select, Space } from 'antd';
import { useDashboardT } from '../i18n/use-dashboard-t';

/** A relative period (with its N for "last N days"); clearing it leaves none. */
export function PeriodPicker({
  value,
  onChange,
  label,
  testId,
  disabled,
}: {
  value: ReportDateRange | undefined;
  onChange: (range: ReportDateRange | undefined) => void;
  label: string;
  testId: string;
  disabled?: boolean;
}) {
  const t = useDashboardT();
  return (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <Space.Compact block>
        <Select
          allowClear
          disabled={disabled}
          value={value?.range ?? null}
          data-testid={testId}
          options={RELATIVE_RANGES.map((range) => ({ value: range, label: t(`dash.range.${range}`) }))}
          onChange={(range: ReportDateRange['range'] | undefined) =>
            onChange(range ? { range, ...(range === 'last_n_days' ? { days: value?.days ?? 30 } : {}) } : undefined)
          }
        />
        {value?.range === 'last_n_days' && (
          <InputNumber
            min={1}
            max={3660}
            value={value.days ?? 30}
            aria-label={t('dash.days')}
            data-testid={`${testId}-days`}
            onChange={(days) => onChange({ range: 'last_n_days', days: typeof days === 'number' ? days : 30 })}
          />
        )}
      </Space.Compact>
    </Form.Item>
  );
}
