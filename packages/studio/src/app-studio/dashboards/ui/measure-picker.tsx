import type { ObjectDefinition, ReportDefinition, ReportMeasure } from '@tessera/schemas';
import { Form, Select, Space } from 'antd';
import type { NamedColumn } from '../hooks/use-report-columns';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { withMeasure } from '../model/report-edits';
import { MEASURE_KINDS, type MeasureKind, measureKindOf } from '../model/report-kinds';

const CREATED = 'created_at';

/**
 * The measure of a widget's report: an aggregate (a data-quality one the object cannot give yet is
 * shown, disabled, with what to declare first), the field it reads, and for average days the date
 * counted from.
 */
export function MeasurePicker({
  measure,
  object,
  columns,
  onChange,
}: {
  measure: ReportMeasure | undefined;
  object: ObjectDefinition | null;
  columns: readonly NamedColumn[];
  onChange: (next: (report: ReportDefinition) => ReportDefinition) => void;
}) {
  const t = useDashboardT();
  const kind = measureKindOf(measure);
  const dates = columns.filter((c) => c.kind === 'date');
  const pick = (next: MeasureKind, field: string | undefined, from: string | undefined) =>
    onChange((r) => withMeasure(r, next.aggregate, field, { percent: next.percent, from: next.fromDate ? from : undefined }));
  const choose = (aggregate: ReportMeasure['aggregate']) => {
    const next = MEASURE_KINDS.find((k) => k.aggregate === aggregate);
    if (!next) return;
    const keep = columns.find((c) => c.id === measure?.field);
    // The object's own fields before the system columns (a deal's closing date, not its creation time).
    const fallback = columns.find((c) => c.field && next.fits(c)) ?? columns.find(next.fits);
    const field = next.needsField ? (keep && next.fits(keep) ? keep.id : fallback?.id) : undefined;
    pick(next, field, measure?.from ?? CREATED);
  };

  return (
    <Form.Item label={t('dash.measure')} style={{ marginBottom: 8 }}>
      <Space.Compact block>
        <Select
          value={measure?.aggregate}
          data-testid="dash-report-aggregate"
          popupMatchSelectWidth={false}
          options={MEASURE_KINDS.map((k) => {
            const missing = k.missing(object);
            return {
              value: k.aggregate,
              disabled: missing !== null,
              label: missing ? `${t(`dash.aggregate.${k.aggregate}`)} — ${t(missing)}` : t(`dash.aggregate.${k.aggregate}`),
            };
          })}
          onChange={choose}
        />
        {kind?.needsField && (
          <Select
            value={measure?.field ?? null}
            data-testid="dash-report-measure-field"
            aria-label={t('dash.measureField')}
            showSearch
            optionFilterProp="label"
            options={columns.filter(kind.fits).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(field: string) => pick(kind, field, measure?.from ?? CREATED)}
          />
        )}
      </Space.Compact>
      {kind?.fromDate && (
        <Select
          style={{ marginTop: 8, width: '100%' }}
          value={measure?.from ?? CREATED}
          data-testid="dash-report-measure-from"
          aria-label={t('dash.measureFrom')}
          prefix={t('dash.measureFrom')}
          options={dates.filter((c) => c.id !== measure?.field).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(from: string) => pick(kind, measure?.field, from)}
        />
      )}
    </Form.Item>
  );
}
