import type { Locale } from '@tessera/i18n';
import type { DashboardWidget } from '@tessera/schemas';
import { Flex, Progress, Statistic, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { formatValue } from './chart-options';
import type { ReportAnswer } from './dashboards-api';

interface KpiCardProps {
  result: ReportAnswer;
  previous: ReportAnswer | undefined;
  measureId: string;
  target: number | undefined;
  /** What `previous` is: the period just before, or the same period a year earlier. */
  compare: DashboardWidget['compare'];
  locale: Locale;
  onPick: () => void;
}

/** One number, its change against the period compared with, and how far it is towards its target. */
export function KpiCard({ result, previous, measureId, target, compare, locale, onPick }: KpiCardProps) {
  const t = useT();
  const format = result.measures.find((m) => m.id === measureId)?.format;
  const value = Number(result.rows[0]?.values[measureId] ?? 0);
  const before = previous ? Number(previous.rows[0]?.values[measureId] ?? 0) : null;
  const delta = before === null ? null : before === 0 ? null : (value - before) / Math.abs(before);
  return (
    <Flex vertical gap={4}>
      <button type="button" className="tessera-kpi-value" onClick={onPick} data-testid="kpi-value">
        <Statistic value={formatValue(value, format, locale)} />
      </button>
      {previous && (
        <Typography.Text type={delta === null ? 'secondary' : delta >= 0 ? 'success' : 'danger'} data-testid="kpi-delta">
          {delta === null
            ? t('dashboard.kpi.noPrevious')
            : t(compare === 'previous_year' ? 'dashboard.kpi.deltaYear' : 'dashboard.kpi.delta', {
                delta: `${delta >= 0 ? '+' : ''}${(delta * 100).toLocaleString(locale, { maximumFractionDigits: 1 })} %`,
              })}
        </Typography.Text>
      )}
      {target !== undefined && target !== 0 && (
        <div data-testid="kpi-target">
          <Progress percent={Math.round((value / target) * 1000) / 10} size="small" />
          <Typography.Text type="secondary">{t('dashboard.kpi.target', { target: formatValue(target, format, locale) })}</Typography.Text>
        </div>
      )}
    </Flex>
  );
}
