import { DownloadOutlined } from '@ant-design/icons';
import type { Locale } from '@tessera/i18n';
import type { DashboardWidget } from '@tessera/schemas';
import { Alert, App, Button, Card, Dropdown } from 'antd';
import { type RefObject, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { saveFile } from '../data-transfer/imports-api';
import { useT } from '../i18n/use-t';
import { RichTextView } from '../widgets/rich-text-view';
import { chartModel, keyText, labelText } from './chart-options';
import { chartPng } from './chart-png';
import { EXPORT_SKIP } from './dashboard-export';
import type { DrillDown, ReportAnswer, WidgetPayload } from './dashboards-api';
import { type ChartPicture, EChart } from './echart';
import { KpiCard } from './kpi-card';
import { PivotGrid } from './pivot-grid';
import { ReportTable } from './report-table';

type Row = ReportAnswer['rows'][number];

interface WidgetCardProps {
  widget: DashboardWidget;
  data: WidgetPayload | undefined;
  locale: Locale;
  onDrill: (title: string, drill: DrillDown) => void;
  /** Downloads the widget's data as a file (the server writes it under the viewer's access); absent: no data export offered. */
  onExport?: ((format: 'csv' | 'xlsx') => Promise<void>) | undefined;
}

function ChartBody({
  widget,
  result,
  locale,
  pick,
  picture,
}: {
  widget: DashboardWidget;
  result: ReportAnswer;
  locale: Locale;
  pick: (row: Row | undefined) => void;
  picture: RefObject<ChartPicture | null>;
}) {
  const t = useT();
  const measure = widget.measure ?? result.measures[0]?.id ?? '';
  const { kind, max, target } = widget;
  const targetLabel = t('dashboard.gauge.target');
  const model = useMemo(
    () => chartModel(kind, result, measure, locale, { max, target, targetLabel }),
    [kind, result, measure, locale, max, target, targetLabel],
  );
  return <EChart model={model} onPick={(series, index) => pick(model.rowAt(series, index))} testId={`chart-${widget.id}`} picture={picture} />;
}

const CHARTLESS: ReadonlySet<DashboardWidget['kind']> = new Set(['kpi', 'table', 'leaderboard', 'pivot', 'note']);

/** The widget's export menu: its data as CSV or XLSX, a chart as PNG; a failure says why. */
function ExportMenu({
  widget,
  onExport,
  picture,
}: {
  widget: DashboardWidget;
  onExport: WidgetCardProps['onExport'];
  picture: RefObject<ChartPicture | null>;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: string) => {
    setBusy(true);
    try {
      if (format === 'png') {
        if (picture.current) saveFile(await chartPng(picture.current), `${widget.id}.png`);
      } else await onExport?.(format === 'xlsx' ? 'xlsx' : 'csv');
    } catch (error) {
      void message.error(t('dashboard.export.failed', { reason: errorMessage(error, t) }));
    } finally {
      setBusy(false);
    }
  };
  const items = [
    ...(onExport
      ? [
          { key: 'csv', label: <span data-testid={`export-${widget.id}-csv`}>{t('dashboard.export.csv')}</span> },
          { key: 'xlsx', label: <span data-testid={`export-${widget.id}-xlsx`}>{t('dashboard.export.xlsx')}</span> },
        ]
      : []),
    ...(CHARTLESS.has(widget.kind) ? [] : [{ key: 'png', label: <span data-testid={`export-${widget.id}-png`}>{t('dashboard.export.png')}</span> }]),
  ];
  if (items.length === 0) return null;
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => void run(key) }}>
      <Button
        size="small"
        type="text"
        icon={<DownloadOutlined />}
        loading={busy}
        aria-label={t('dashboard.export')}
        data-testid={`export-${widget.id}`}
        {...{ [EXPORT_SKIP]: '' }}
      />
    </Dropdown>
  );
}

/** A note in the reader's language (else the other one), sanitized by the server and again by the browser. */
function NoteBody({ text, locale, testId }: { text: { 'zh-CN'?: string; en?: string }; locale: Locale; testId: string }) {
  const html = text[locale] || text.en || text['zh-CN'] || '';
  return (
    <div style={{ height: '100%', overflow: 'auto' }}>
      <RichTextView html={html} testId={testId} />
    </div>
  );
}

/** One widget: a KPI, a chart, a table or a leaderboard; clicking a number, bar, slice, stage or row drills down to its records. */
export function WidgetCard({ widget, data, locale, onDrill, onExport }: WidgetCardProps) {
  const title = labelText(widget.title, locale, widget.id);
  const picture = useRef<ChartPicture | null>(null);
  const pick = (row: Row | undefined) => {
    if (!row || data?.status !== 'ok') return;
    const name = Object.values(row.keys)
      .map((key) => keyText(key, locale))
      .join(' · ');
    onDrill(name ? `${title} — ${name}` : title, row.drill);
  };
  let body: React.ReactNode = null;
  if (data?.status === 'error') body = <Alert type="warning" showIcon message={data.message ?? data.code} />;
  else if (data?.status === 'note') body = <NoteBody text={data.text} locale={locale} testId={`note-${widget.id}`} />;
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
    else if (widget.kind === 'pivot' && data.pivot)
      body = <PivotGrid pivot={data.pivot} result={result} locale={locale} onPick={(name, drill) => onDrill(`${title} — ${name}`, drill)} />;
    else if (widget.kind === 'table' || widget.kind === 'leaderboard')
      body = <ReportTable result={result} locale={locale} ranked={widget.kind === 'leaderboard'} onPick={pick} />;
    else body = <ChartBody widget={widget} result={result} locale={locale} pick={pick} picture={picture} />;
  }
  return (
    <Card
      title={title}
      size="small"
      loading={!data}
      extra={data?.status === 'ok' ? <ExportMenu widget={widget} onExport={onExport} picture={picture} /> : null}
      data-testid={`widget-${widget.id}`}
      style={{ height: '100%' }}
      styles={{ body: { height: 'calc(100% - 40px)' } }}
    >
      {body}
    </Card>
  );
}

export type { WidgetPayload } from './dashboards-api';
