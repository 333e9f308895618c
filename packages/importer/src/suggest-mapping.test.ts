import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { cellToValue, excelSerialToDate } from './cell-values';
import { detectHeaderRow } from './header-row';
import { suggestMapping } from './suggest-mapping';

const fields: FieldDefinition[] = [
  { id: 'name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Customer name' } },
  { id: 'phone', type: 'phone', label: { 'zh-CN': '手机', en: 'Mobile' } },
  { id: 'amount', type: 'currency', label: { 'zh-CN': '合同金额', en: 'Contract amount' } },
  { id: 'when', type: 'datetime', label: { 'zh-CN': '拜访时间', en: 'Visited at' } },
  { id: 'vip', type: 'checkbox', label: { en: 'VIP' } },
  {
    id: 'tags',
    type: 'multi_select',
    label: { en: 'Tags' },
    options: [
      { value: 'key', label: { 'zh-CN': '重点', en: 'Key' } },
      { value: 'new', label: { en: 'New' } },
    ],
  },
];

describe('column suggestions', () => {
  it('matches titles to labels in either language, ignoring case, spaces, asterisks and units', () => {
    expect(suggestMapping(['*客户名称', 'MOBILE', '合同金额（元）', 'Visited At', '备注'], fields)).toEqual(['name', 'phone', 'amount', 'when', null]);
  });
  it('falls back to a label containing the title, and suggests a field for one column only', () => {
    expect(suggestMapping(['名称', '客户名称'], fields)).toEqual([null, 'name']);
    expect(suggestMapping(['金额'], fields)).toEqual(['amount']);
  });
  it('finds the header row under a title row', () => {
    const rows = [
      { number: 1, cells: ['2024 客户清单'] },
      { number: 2, cells: [] },
      { number: 3, cells: ['客户名称', '手机', '备注'] },
      { number: 4, cells: ['甲公司', 13800000000, 'x'] },
    ];
    expect(detectHeaderRow(rows, { id: 'c', label: { en: 'C' }, fields })).toBe(3);
  });
});

describe('cells to values', () => {
  const f = (id: string) => fields.find((x) => x.id === id)!;
  it('reads what a spreadsheet holds the way a form would send it', () => {
    expect(cellToValue(f('phone'), 13812345678, 'Asia/Shanghai')).toBe('13812345678');
    expect(cellToValue(f('amount'), '¥1,234.50', 'Asia/Shanghai')).toBe('1234.50');
    expect(cellToValue(f('vip'), '是', 'Asia/Shanghai')).toBe(true);
    expect(cellToValue(f('vip'), 'maybe', 'Asia/Shanghai')).toBe('maybe');
    expect(cellToValue(f('tags'), '重点、New', 'Asia/Shanghai')).toEqual(['key', 'new']);
    expect(cellToValue(f('when'), '2024-03-01 09:30', 'Asia/Shanghai')).toBe('2024-03-01T01:30:00.000Z');
    expect(cellToValue(f('when'), new Date(Date.UTC(2024, 2, 1, 9, 30)), 'Asia/Shanghai')).toBe('2024-03-01T01:30:00.000Z');
    expect(cellToValue(f('name'), '   ', 'Asia/Shanghai')).toBeNull();
  });
  it('counts Excel serial numbers from 1899-12-30', () => {
    expect(excelSerialToDate(45352).toISOString().slice(0, 10)).toBe('2024-03-01');
    expect(excelSerialToDate(61).toISOString().slice(0, 10)).toBe('1900-03-01');
  });
});
