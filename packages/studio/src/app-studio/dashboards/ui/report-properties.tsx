import type { DashboardWidget, ReportDefinition } from '@tessera/schemas';
import { Divider, Form, InputNumber, Select, Space } from 'antd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { ObjectFormula } from '../../ui/object-formula';
import { type NamedColumn, useReportColumns } from '../hooks/use-report-columns';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { updateWidgetReport } from '../model/dashboard-edits';
import { withColumnDimension, withDimension, withObject, withPeriod, withReportKeys, withSort } from '../model/report-edits';
import { DimensionPicker } from './dimension-picker';
import { MeasurePicker } from './measure-picker';
import { PeriodPicker } from './period-picker';

const NONE = '__none';

/**
 * What a widget counts, built from pickers: the source object, one group (a pivot: rows and columns;
 * a kind from DIMENSION_KINDS, with its options), one measure (MeasurePicker), a filter formula, the
 * date field and period, the sort and top N. Everything is a change to the widget's own report.
 */
export function ReportProperties({ dashboardId, widget, report }: { dashboardId: string; widget: DashboardWidget; report: ReportDefinition }) {
  const t = useDashboardT();
  const label = useLabel();
  const store = useStudioStore();
  const objects = useStudio((s) => s.document?.objects) ?? [];
  const object = objects.find((o) => o.id === report.object) ?? null;
  const columns = useReportColumns(object);
  const change = (next: (r: ReportDefinition) => ReportDefinition, merge?: string) =>
    store.getState().edit((d) => updateWidgetReport(d, dashboardId, widget.id, next), merge ? { merge } : {});

  const measure = report.measures[0];
  const ids = [...(report.dimensions ?? []).map((d) => d.id), ...report.measures.map((m) => m.id)];

  return (
    <>
      <Divider style={{ margin: '8px 0' }} />
      <Form.Item label={t('dash.object')} style={{ marginBottom: 8 }}>
        <Select
          value={report.object}
          data-testid="dash-report-object"
          options={objects.filter((o) => !o.parent).map((o) => ({ value: o.id, label: label(o.label, o.id) }))}
          onChange={(id: string) => change((r) => withObject(r, id))}
        />
      </Form.Item>
      {widget.kind !== 'kpi' && widget.kind !== 'gauge' && (
        <DimensionPicker
          label={t(widget.kind === 'pivot' ? 'dash.rowsDimension' : 'dash.dimension')}
          dimension={report.dimensions?.[0]}
          columns={columns}
          testId="dash-report-dimension"
          onChange={(dimension) => change((r) => withDimension(r, dimension))}
        />
      )}
      {widget.kind === 'pivot' && (
        <DimensionPicker
          label={t('dash.columnsDimension')}
          dimension={report.dimensions?.[1]}
          columns={columns}
          testId="dash-report-columns"
          onChange={(dimension) => change((r) => withColumnDimension(r, dimension))}
        />
      )}
      <MeasurePicker measure={measure} object={object} columns={columns} onChange={(next) => change(next)} />
      <Form.Item label={t('dash.where')} style={{ marginBottom: 8 }}>
        <div data-testid="dash-report-where">
          <ObjectFormula
            value={report.where ?? ''}
            object={object}
            expectedType="boolean"
            onChange={(where) => change((r) => withReportKeys(r, { where: where.trim() ? where : undefined }), `dash-where-${report.id}`)}
          />
        </div>
      </Form.Item>
      <Form.Item label={t('dash.dateField')} style={{ marginBottom: 8 }}>
        <Select
          value={report.dateField ?? NONE}
          data-testid="dash-report-date-field"
          options={[{ value: NONE, label: t('dash.noDateField') }, ...columns.filter((c) => c.kind === 'date').map((c) => ({ value: c.id, label: c.name }))]}
          onChange={(field: string) => change((r) => withReportKeys(r, { dateField: field === NONE ? undefined : field }))}
        />
      </Form.Item>
      <PeriodPicker
        value={report.dateRange}
        disabled={!report.dateField}
        label={t('dash.period')}
        testId="dash-report-period"
        onChange={(range) => change((r) => withPeriod(r, range))}
      />
      {widget.kind !== 'kpi' && widget.kind !== 'gauge' && (
        <>
          <Form.Item label={t('dash.sort')} style={{ marginBottom: 8 }}>
            <Space.Compact block>
              <Select
                value={report.sort?.[0]?.by ?? NONE}
                data-testid="dash-report-sort"
                options={[{ value: NONE, label: t('dash.sort.natural') }, ...ids.map((id) => ({ value: id, label: sortName(id, report, columns, label) }))]}
                onChange={(by: string) => change((r) => withSort(r, by === NONE ? null : by, r.sort?.[0]?.direction ?? 'desc'))}
              />
              {report.sort?.[0] && (
                <Select
                  value={report.sort[0].direction ?? 'asc'}
                  data-testid="dash-report-direction"
                  options={(['asc', 'desc'] as const).map((d) => ({ value: d, label: t(`dash.sort.${d}`) }))}
                  onChange={(direction: 'asc' | 'desc') => change((r) => withSort(r, r.sort?.[0]?.by ?? null, direction))}
                />
              )}
            </Space.Compact>
          </Form.Item>
          <Form.Item label={t('dash.limit')} style={{ marginBottom: 8 }}>
            <InputNumber
              min={1}
              max={1000}
              style={{ width: '100%' }}
              value={report.limit ?? null}
              data-testid="dash-report-limit"
              onChange={(limit) => change((r) => withReportKeys(r, { limit: typeof limit === 'number' ? limit : undefined }), `dash-limit-${report.id}`)}
            />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** A sort key's name: the grouped column's, or the measure's (its label, else what it aggregates). */
function sortName(id: string, report: ReportDefinition, columns: readonly NamedColumn[], label: ReturnType<typeof useLabel>): string {
  const dimension = report.dimensions?.find((d) => d.id === id);
  if (dimension) return columns.find((c) => c.id === dimension.field)?.name ?? dimension.field;
  const measure = report.measures.find((m) => m.id === id);
  return label(measure?.label, id);
}
