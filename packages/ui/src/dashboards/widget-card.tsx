import type { Locale } from '@tessera/i18n';
import type { DashboardWidget } from '@tessera/schemas';
import { Alert, Card } from 'antd';
import { useMemo } from 'react';
import { chartModel, keyText, labelText } from './chart-options';
import type { DrillDown, ReportAnswer, WidgetPayload } from './dashboards-api';
import { EChart } from './echart';
import { KpiCard } from './kpi-card';
import { ReportTable } from './report-table';

type Row = ReportAnswer['rows'][number];

interface WidgetCardProps {
  widget: DashboardWidget;
  data: WidgetPayload | undefined;
  locale: Locale;
  onDrill: (title: string, drill: DrillDown) => void;
}

function ChartBody({ widget, result, locale, pick }: { widget: DashboardWidget; result: ReportAnswer; locale: Locale; pick: (row: Row | undefined) => void }) {
  const measure = widget.measure ?? result.measures[0]?.id ?? '';
  const model = useMemo(() => chartModel(widget.kind, result, measure, locale), [widget.kind, result, measure, locale]);
  return <EChart model={model} onPick={(series, index) => pick(model.rowAt(series, index))} testId={`chart-${widget.id}`} />;
}

/** One widget: a KPI, a chart, a table or a leaderboard; clicking a number, bar, slice, stage or row drills down to its records. */
export function WidgetCard({ widget, data, locale, onDrill }: WidgetCardProps) {
  const title = labelText(widget.title, locale, widget.id);
  const pick = (row: Row | undefined) => {
    if (!row || data?.status !== 'ok') return;
    const name = Object.values(row.keys)
      .map((key) => keyText(key, locale))
      .join(' · ');
    onDrill(name ? `${title} — ${name}` : title, row.drill);
  };
  let body: React.ReactNode = null;
  if (data?.status === 'error') body = <Alert type="warning" showIcon message={data.message ?? data.code} />;
  else if (data?.status === 'ok') {
    const { result } = data;
    const measure = widget.measure ?? result.measures[0]?.id ?? '';
    if (widget.kind === 'kpi')
      body = (
        <KpiCard
          result={result}
          previous={data.previous}
          measureId={measure}
          target={widget.target}
          compare={widget.compare}
          locale={locale}
          onPick={() => pick(result.rows[0])}
        />
      );
    else if (widget.kind === 'table' || widget.kind === 'leaderboard')
      body = <ReportTable result={result} locale={locale} ranked={widget.kind === 'leaderboard'} onPick={pick} />;
    else body = <ChartBody widget={widget} result={result} locale={locale} pick={pick} />;
  }
  return (
    <Card
      title={title}
      size="small"
      loading={!data}
      data-testid={`widget-${widget.id}`}
      style={{ height: '100%' }}
      styles={{ body: { height: 'calc(100% - 40px)' } }}
    >
      {body}
    </Card>
  );
}
