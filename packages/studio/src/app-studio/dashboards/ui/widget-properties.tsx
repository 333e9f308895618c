import { type DashboardWidget, type ReportDefinition, WIDGET_KINDS } from '@tessera/schemas';
import { Form, InputNumber, Select, Typography } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { updateWidget } from '../model/dashboard-edits';
import { ReportProperties } from './report-properties';
import { RolePicker } from './role-picker';
import { TextPair } from './text-pair';
import { GaugeProperties, NoteProperties } from './widget-kind-properties';

/** The selected widget: how it is drawn (kind, title, comparison, target, audience), then what it counts (its report). */
export function WidgetProperties({ dashboardId, widget, report }: { dashboardId: string; widget: DashboardWidget; report: ReportDefinition | null }) {
  const t = useDashboardT();
  const store = useStudioStore();
  const change = (patch: Parameters<typeof updateWidget>[3], merge?: string) =>
    store.getState().edit((d) => updateWidget(d, dashboardId, widget.id, patch), merge ? { merge } : {});
  return (
    <Form layout="vertical" size="small" data-testid="dash-widget-properties">
      <Typography.Title level={5}>{t('dash.widget')}</Typography.Title>
      <Form.Item label={t('dash.chartType')} style={{ marginBottom: 8 }}>
        <Select
          value={widget.kind}
          data-testid="dash-widget-kind"
          options={WIDGET_KINDS.map((kind) => ({ value: kind, label: t(`dash.kind.${kind}`) }))}
          onChange={(kind: DashboardWidget['kind']) => change({ kind })}
        />
      </Form.Item>
      <TextPair
        value={widget.title}
        labels={[t('dash.titleZh'), t('dash.titleEn')]}
        testId="dash-widget-title"
        onChange={(title) => change({ title }, `dash-title-${widget.id}`)}
      />
      {widget.kind === 'gauge' && <GaugeProperties widget={widget} change={change} />}
      {widget.kind === 'note' && <NoteProperties widget={widget} change={change} />}
      {widget.kind === 'kpi' && (
        <>
          <Form.Item label={t('dash.compare')} extra={report?.dateField ? undefined : t('dash.compareNeedsDate')} style={{ marginBottom: 8 }}>
            <Select
              value={widget.compare ?? 'none'}
              disabled={!report?.dateField}
              data-testid="dash-widget-compare"
              options={(['none', 'previous_period', 'previous_year'] as const).map((c) => ({ value: c, label: t(`dash.compare.${c}`) }))}
              onChange={(compare: 'none' | 'previous_period' | 'previous_year') => change({ compare: compare === 'none' ? undefined : compare })}
            />
          </Form.Item>
          <Form.Item label={t('dash.target')} style={{ marginBottom: 8 }}>
            <InputNumber
              style={{ width: '100%' }}
              value={widget.target ?? null}
              data-testid="dash-widget-target"
              onChange={(target) => change({ target: typeof target === 'number' ? target : undefined }, `dash-target-${widget.id}`)}
            />
          </Form.Item>
        </>
      )}
      <RolePicker value={widget.roles} testId="dash-widget-roles" onChange={(roles) => change({ roles })} />
      {report && <ReportProperties dashboardId={dashboardId} widget={widget} report={report} />}
    </Form>
  );
}
