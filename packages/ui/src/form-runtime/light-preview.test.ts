import type { FieldDefinition } from '@tessera/schemas';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dateText, decimalText, numberAffixes, optionLabels, previewKind } from './light-preview';

const label = (en: string, zh?: string) => ({ en, ...(zh ? { 'zh-CN': zh } : {}) });
const stage: FieldDefinition = {
  id: 'stage',
  type: 'multi_select',
  label: label('Stage'),
  options: [
    { value: 'won', label: label('Won', '赢单') },
    { value: 'lost', label: label('Lost', '输单') },
  ],
};

describe('light previews', () => {
  it('gives the common types a preview and leaves pickers with their own data to their widget', () => {
    expect(previewKind({ id: 'a', type: 'currency', label: label('A') })).toBe('number');
    expect(previewKind({ id: 'a', type: 'datetime', label: label('A') })).toBe('date');
    expect(previewKind({ id: 'a', type: 'checkbox', label: label('A') })).toBe('switch');
    expect(previewKind({ id: 'a', type: 'relation', label: label('A'), target: 'x' })).toBeNull();
    expect(previewKind({ id: 'a', type: 'rich_text', label: label('A') })).toBeNull();
  });

  it('shows dates as the picker does and nothing for an empty or invalid one', () => {
    const day = dayjs('2026-11-23T09:05:07');
    expect(dateText({ id: 'd', type: 'date', label: label('D') }, day)).toBe('2026-11-23');
    expect(dateText({ id: 'd', type: 'datetime', label: label('D') }, day)).toBe('2026-11-23 09:05:07');
    expect(dateText({ id: 'd', type: 'date', label: label('D') }, undefined)).toBe('');
    expect(dateText({ id: 'd', type: 'date', label: label('D') }, '2026-11-23')).toBe('');
  });

  it('shows chosen options by their label in the reader’s language, an unknown one as itself', () => {
    expect(optionLabels(stage, ['lost', 'won'], 'zh-CN')).toEqual(['输单', '赢单']);
    expect(optionLabels(stage, 'gone', 'en')).toEqual(['gone']);
    expect(optionLabels(stage, undefined, 'en')).toEqual([]);
  });

  it('puts the currency before and the percent sign after a number', () => {
    expect(numberAffixes({ id: 'm', type: 'currency', label: label('M'), currency: 'USD' })).toEqual({ prefix: 'USD' });
    expect(numberAffixes({ id: 'm', type: 'currency', label: label('M') })).toEqual({ prefix: 'CNY' });
    expect(numberAffixes({ id: 'p', type: 'percent', label: label('P') })).toEqual({ suffix: '%' });
  });

  it('shows a decimal as antd’s InputNumber does, so the swap moves nothing', () => {
    expect(decimalText('1234.50')).toBe('1234.5');
    expect(decimalText('007')).toBe('7');
    expect(decimalText('0.000')).toBe('0');
    expect(decimalText('-0.0')).toBe('0');
    expect(decimalText('-12.340')).toBe('-12.34');
    expect(decimalText('1e5')).toBe('1e5');
    expect(decimalText(undefined)).toBe('');
  });
});
