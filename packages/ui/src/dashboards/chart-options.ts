import type { Locale } from '@tessera/i18n';
import type { LocalizedText, WidgetKind } from '@tessera/schemas';
import type { ReportAnswer } from './dashboards-api';

type Row = ReportAnswer['rows'][number];

/** A group key's name: a person's or option's label, else the value itself (a date bucket, a number). */
export function keyText(key: Row['keys'][string] | undefined, locale: Locale): string {
  if (!key || key.value === null) return '—';
  const label = key.label;
  if (typeof label === 'string') return label;
  if (label && typeof label === 'object') return (label as LocalizedText)[locale] ?? (label as LocalizedText).en ?? String(key.value);
  return String(key.value);
}

export function labelText(label: unknown, locale: Locale, fallback: string): string {
  if (typeof label === 'string') return label;
  if (label && typeof label === 'object') return (label as LocalizedText)[locale] ?? (label as LocalizedText).en ?? fallback;
  return fallback;
}

/** A measure value as people read it: money with separators, shares as percentages. */
export function formatValue(value: unknown, format: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  if (format === 'percent') return `${(n * 100).toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
  return n.toLocaleString(locale, { maximumFractionDigits: format === 'currency' ? 2 : 2 });
}

/** Which row a clicked point stands for: ECharts reports the series and the category index. */
export interface PointRef {
  row: Row;
}

export interface ChartModel {
  option: Record<string, unknown>;
  /** series index → category index → row, so a click finds its drill-down. */
  rowAt: (seriesIndex: number, dataIndex: number) => Row | undefined;
}

/**
 * The ECharts option of a chart widget, pure: the first dimension is the category axis (or the
 * funnel's stages, the pie's slices), a second dimension becomes one series per value (stacked
 * bars), the measure shown is the widget's.
 */
export function chartModel(kind: WidgetKind, result: ReportAnswer, measureId: string, locale: Locale, dial: GaugeDial = {}): ChartModel {
  if (kind === 'gauge') return gaugeModel(result, measureId, locale, dial);
  const [first, second] = result.dimensions;
  const measure = result.measures.find((m) => m.id === measureId);
  const name = labelText(measure?.label, locale, measureId);
  const value = (row: Row) => Number(row.values[measureId] ?? 0);
  const category = (row: Row) => (first ? keyText(row.keys[first.id], locale) : name);
  const categories = [...new Set(result.rows.map(category))];
  const tooltip = { trigger: kind === 'pie' || kind === 'funnel' ? 'item' : 'axis', valueFormatter: (v: unknown) => formatValue(v, measure?.format, locale) };

  if (kind === 'pie' || kind === 'funnel') {
    const data = result.rows.map((row) => ({ name: category(row), value: value(row) }));
    const series =
      kind === 'pie'
        ? { type: 'pie', radius: ['40%', '70%'], data, name }
        : { type: 'funnel', sort: 'none', data, name, label: { show: true, position: 'inside' }, left: '10%', width: '80%' };
    return { option: { tooltip, legend: { bottom: 0 }, series: [series] }, rowAt: (_s, i) => result.rows[i] };
  }

  if (second && (kind === 'stacked_bar' || kind === 'bar' || kind === 'line')) {
    const groups = [...new Set(result.rows.map((row) => keyText(row.keys[second.id], locale)))];
    const cell = new Map(result.rows.map((row) => [`${category(row)}\u0000${keyText(row.keys[second.id], locale)}`, row] as const));
    const series = groups.map((group) => ({
      type: kind === 'line' ? 'line' : 'bar',
      name: group,
      stack: kind === 'stacked_bar' ? 'total' : undefined,
      data: categories.map((c) => {
        const row = cell.get(`${c}\u0000${group}`);
        return row ? value(row) : 0;
      }),
    }));
    return {
      option: {
        tooltip,
        legend: { bottom: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value' },
        series,
      },
      rowAt: (s, i) => cell.get(`${categories[i]}\u0000${groups[s]}`),
    };
  }

  const series = [{ type: kind === 'line' ? 'line' : 'bar', name, data: result.rows.map(value), smooth: kind === 'line' }];
  return {
    option: {
      tooltip,
      grid: { left: 8, right: 16, top: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: result.rows.map(category) },
      yAxis: { type: 'value' },
      series,
    },
    rowAt: (_s, i) => result.rows[i],
  };
}

/** Where a gauge's dial ends and the mark it shows: the widget's max, else its target; the target as a mark on the dial. */
export interface GaugeDial {
  max?: number | undefined;
  target?: number | undefined;
  /** "Target" in the reader's language, named under the value. */
  targetLabel?: string | undefined;
}

/**
 * A gauge: the measure's one number on a dial from 0 to the widget's max (or target), the part
 * reached drawn as progress, the target as a tick of its own and named under the value. A value
 * past the end pins the needle there; the text still says the number.
 */
function gaugeModel(result: ReportAnswer, measureId: string, locale: Locale, dial: GaugeDial): ChartModel {
  const measure = result.measures.find((m) => m.id === measureId);
  const format = (v: unknown) => formatValue(v, measure?.format, locale);
  const raw = result.rows[0]?.values[measureId];
  const value = Number(raw ?? 0);
  const max = dial.max ?? dial.target ?? Math.max(value, 1);
  const target = dial.target;
  const targetText = target === undefined ? '' : `\n{target|${dial.targetLabel ?? '⊙'} ${format(target)}}`;
  const series: Record<string, unknown>[] = [
    {
      type: 'gauge',
      name: labelText(measure?.label, locale, measureId),
      min: 0,
      max,
      progress: { show: true, width: 14 },
      axisLine: { lineStyle: { width: 14 } },
      axisTick: { show: false },
      splitNumber: 4,
      splitLine: { length: 8, lineStyle: { width: 1 } },
      // Short numbers on the dial (100K, 10万): the full value is written under it.
      axisLabel: { distance: 18, fontSize: 10, formatter: (v: number) => v.toLocaleString(locale, { notation: 'compact' }) },
      pointer: { width: 4 },
      anchor: { show: true, size: 10 },
      title: { show: false },
      detail: {
        valueAnimation: false,
        offsetCenter: [0, '72%'],
        formatter: () => `{value|${format(raw)}}${targetText}`,
        rich: { value: { fontSize: 22, fontWeight: 600 }, target: { fontSize: 12, color: '#8c8c8c', padding: [4, 0, 0, 0] } },
      },
      data: [{ value: Math.min(value, max), name: labelText(measure?.label, locale, measureId) }],
    },
  ];
  if (target !== undefined && target < max)
    series.push({
      // The target as one red tick on the dial: a gauge of its own, drawn over the first with only a pointer-shaped mark.
      type: 'gauge',
      min: 0,
      max,
      silent: true,
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      detail: { show: false },
      title: { show: false },
      pointer: { icon: 'rect', length: '18%', width: 3, offsetCenter: [0, '-78%'], itemStyle: { color: '#cf1322' } },
      data: [{ value: target }],
    });
  return { option: { tooltip: { trigger: 'item', valueFormatter: format }, series }, rowAt: () => result.rows[0] };
}
