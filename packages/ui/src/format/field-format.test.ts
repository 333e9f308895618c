import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDate, formatNumber, formatPercent, optionDisplay } from './field-format';

describe('field formatting', () => {
  it('formats decimal strings exactly', () => {
    expect(formatNumber('12345678901234567.89', 'en', 2)).toBe('12,345,678,901,234,567.89');
    expect(formatNumber('0.1', 'zh-CN')).toBe('0.1');
    expect(formatNumber(null, 'en')).toBe('');
    expect(formatNumber('n/a', 'en')).toBe('n/a');
  });

  it('shows the currency code', () => {
    expect(formatCurrency('1234.5', 'en', 'USD')).toMatch(/USD\s1,234\.50/);
    expect(formatCurrency('1234.5', 'zh-CN')).toMatch(/CNY\s1,234\.50/);
  });

  it('formats percents and dates', () => {
    expect(formatPercent('12.5', 'en')).toBe('12.5%');
    expect(formatDate('2026-03-01')).toBe('2026-03-01');
    expect(formatDate(null)).toBe('');
  });

  it('labels options in the reader language', () => {
    const field: FieldDefinition = {
      id: 'level',
      type: 'select',
      label: { en: 'Level' },
      options: [{ value: 'a', label: { en: 'Key account', 'zh-CN': '重点客户' }, color: '#ff0000' }],
    };
    expect(optionDisplay(field, 'a', 'zh-CN')).toEqual({ value: 'a', label: '重点客户', color: '#ff0000' });
    expect(optionDisplay(field, 'gone', 'en').label).toBe('gone');
  });
});
