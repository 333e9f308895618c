import { describe, expect, it } from 'vitest';
import { chartModel, formatValue } from './chart-options';
import type { ReportAnswer } from './dashboards-api';

const drill = { object: 'deal', filters: [] };
const result: ReportAnswer = {
  report: 'pipeline',
  object: 'deal',
  range: null,
  cached: false,
  dimensions: [
    { id: 'stage', field: 'stage', grain: null, label: null },
    { id: 'owner', field: 'owner_id', grain: null, label: null },
  ],
  measures: [{ id: 'amount', label: { en: 'Amount' }, format: 'currency' }],
  rows: [
    { keys: { stage: { value: 'lead', label: { en: 'Lead', 'zh-CN': '线索' } }, owner: { value: 'u1', label: '陈静' } }, values: { amount: 30 }, drill },
    { keys: { stage: { value: 'lead', label: { en: 'Lead', 'zh-CN': '线索' } }, owner: { value: 'u2', label: '李强' } }, values: { amount: 7 }, drill },
    { keys: { stage: { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }, owner: { value: 'u2', label: '李强' } }, values: { amount: 210 }, drill },
  ],
};

describe('chart options', () => {
  it('stack a second dimension as series over the first, and find the row behind a clicked bar', () => {
    const model = chartModel('stacked_bar', result, 'amount', 'zh-CN');
    expect(model.option.xAxis).toEqual({ type: 'category', data: ['线索', '赢单'] });
    const series = model.option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['陈静', 'total', [30, 0]],
      ['李强', 'total', [7, 210]],
    ]);
    expect(model.rowAt(1, 1)).toBe(result.rows[2]);
    expect(model.rowAt(0, 1)).toBeUndefined();
  });

  it('make a funnel of the first dimension in the report’s order, a click on a stage giving its row', () => {
    const single = { ...result, dimensions: [result.dimensions[0]!], rows: [result.rows[0]!, result.rows[2]!] };
    const model = chartModel('funnel', single, 'amount', 'en');
    const [series] = model.option.series as { type: string; data: { name: string; value: number }[] }[];
    expect(series).toMatchObject({
      type: 'funnel',
      data: [
        { name: 'Lead', value: 30 },
        { name: 'Won', value: 210 },
      ],
    });
    expect(model.rowAt(0, 1)).toBe(single.rows[1]);
  });

  it('show shares as percentages and money with separators', () => {
    expect(formatValue(0.5333333333, 'percent', 'en')).toBe('53.3 %');
    expect(formatValue(1234567.5, 'currency', 'en')).toBe('1,234,567.5');
    expect(formatValue(null, 'number', 'en')).toBe('—');
  });

  it('draw a gauge of one number up to the max, with the target as a mark and named under the value', () => {
    const one: ReportAnswer = { ...result, dimensions: [], rows: [{ keys: {}, values: { amount: 1250.5 }, drill }] };
    const model = chartModel('gauge', one, 'amount', 'zh-CN', { max: 2000, target: 1500, targetLabel: '目标' });
    const [dial, mark] = model.option.series as { type: string; max: number; data: { value: number }[]; detail: { formatter: () => string } }[];
    expect([dial?.type, dial?.max, dial?.data[0]?.value]).toEqual(['gauge', 2000, 1250.5]);
    expect(dial?.detail.formatter()).toBe('{value|1,250.5}\n{target|目标 1,500}');
    expect(mark?.data[0]?.value).toBe(1500);
    expect(model.rowAt(0, 0)).toBe(one.rows[0]);
    // Past the end the needle stops there, and without a max the target ends the dial (no mark on its end).
    const over = chartModel('gauge', one, 'amount', 'en', { target: 1000 });
    const series = over.option.series as { max: number; data: { value: number }[] }[];
    expect([series.length, series[0]?.max, series[0]?.data[0]?.value]).toEqual([1, 1000, 1000]);
  });
});
