import type { RelativeRange, ReportDateRange } from '@tessera/schemas';
import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';

/** The periods offered, as report date ranges; `custom` shows two dates. */
const PRESETS: { key: string; range: ReportDateRange; label: MessageKey }[] = [
  { key: 'this_month', range: { range: 'this_month' }, label: 'dashboard.range.this_month' },
  { key: 'this_quarter', range: { range: 'this_quarter' }, label: 'dashboard.range.this_quarter' },
  { key: 'this_year', range: { range: 'this_year' }, label: 'dashboard.range.this_year' },
  { key: 'year_to_date', range: { range: 'year_to_date' }, label: 'dashboard.range.year_to_date' },
  { key: 'last_30', range: { range: 'last_n_days', days: 30 }, label: 'dashboard.range.last_30' },
  { key: 'last_90', range: { range: 'last_n_days', days: 90 }, label: 'dashboard.range.last_90' },
  { key: 'all_time', range: { range: 'all_time' }, label: 'dashboard.range.all_time' },
];

function presetKey(range: ReportDateRange | undefined): string {
  if (!range) return 'all_time';
  if (!range.range) return 'custom';
  const relative: RelativeRange = range.range;
  return PRESETS.find((p) => p.range.range === relative && (p.range.days ?? null) === (range.days ?? null))?.key ?? 'custom';
}

/** The dashboard's date filter: a period relative to today, or two dates (the end day included). */
export function DateRangeFilter({ value, onChange }: { value: ReportDateRange | undefined; onChange: (range: ReportDateRange) => void }) {
  const t = useT();
  const key = presetKey(value);
  return (
    <Flex gap={8} wrap>
      <Select
        data-testid="dashboard-range"
        style={{ minWidth: 160 }}
        value={key}
        onChange={(next: string) => {
          const preset = PRESETS.find((p) => p.key === next);
          if (preset) onChange(preset.range);
          else onChange({ from: dayjs().startOf('month').format('YYYY-MM-DD'), to: dayjs().add(1, 'day').format('YYYY-MM-DD') });
        }}
        options={[...PRESETS.map((p) => ({ value: p.key, label: t(p.label) })), { value: 'custom', label: t('dashboard.range.custom') }]}
      />
      {key === 'custom' && value?.from && value.to && (
        <DatePicker.RangePicker
          data-testid="dashboard-range-dates"
          allowClear={false}
          value={[dayjs(value.from), dayjs(value.to).subtract(1, 'day')]}
          onChange={(dates) => {
            const [from, to] = dates ?? [];
            if (from && to) onChange({ from: from.format('YYYY-MM-DD'), to: to.add(1, 'day').format('YYYY-MM-DD') });
          }}
        />
      )}
    </Flex>
  );
}
