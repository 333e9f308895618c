import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecordData } from '../api/types';
import { translate } from '../i18n/messages';
import { FieldCell } from './field-cell';

function cell(field: FieldDefinition, value: unknown, locale: Locale = 'en', display?: Record<string, string>, lineCounts?: Record<string, number>) {
  const record = {
    id: 'r1',
    version: 1,
    [field.id]: value,
    ...(display ? { _display: display } : {}),
    ...(lineCounts ? { _lineCounts: lineCounts } : {}),
  } as RecordData;
  return render(<FieldCell field={field} record={record} locale={locale} t={(key, params) => translate(locale, key, params)} />);
}

const stage: FieldDefinition = {
  id: 'stage',
  type: 'select',
  label: { en: 'Stage' },
  options: [{ value: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, color: 'green' }],
};

describe('FieldCell', () => {
  it('shows an option by its label in the reader’s language, not by its code', () => {
    cell(stage, 'won', 'zh-CN');
    expect(screen.getByText('赢单')).toBeTruthy();
    expect(screen.queryByText('won')).toBeNull();
  });

  it('shows money with its currency and exact decimals', () => {
    const { container } = cell({ id: 'amount', type: 'currency', label: { en: 'Amount' }, currency: 'CNY' }, '1234567.10');
    expect(container.textContent?.replace(/\s/g, ' ')).toBe('CNY 1,234,567.10');
  });

  it('translates a checkbox and leaves an empty value blank', () => {
    const flag: FieldDefinition = { id: 'vip', type: 'checkbox', label: { en: 'VIP' } };
    cell(flag, true, 'zh-CN');
    expect(screen.getByText(translate('zh-CN', 'common.yes'))).toBeTruthy();
    const empty = cell(flag, null);
    expect(empty.container.textContent).toBe('');
  });

  it('links only http(s) URLs, so a stored javascript: URL stays inert text', () => {
    const site: FieldDefinition = { id: 'site', type: 'url', label: { en: 'Site' } };
    cell(site, 'https://example.com');
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://example.com');
    const evil = cell(site, 'javascript:alert(1)');
    expect(evil.container.querySelector('a')).toBeNull();
    expect(evil.container.textContent).toBe('javascript:alert(1)');
  });

  it('counts the lines of a child table from the list’s count, in the reader’s language', () => {
    const lines: FieldDefinition = { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'quote_line' };
    // A list carries no lines, only `_lineCounts`.
    expect(cell(lines, undefined, 'en', undefined, { lines: 12 }).container.textContent).toBe('12 lines');
    expect(cell(lines, undefined, 'zh-CN', undefined, { lines: 12 }).container.textContent).toBe('12 行');
    expect(cell(lines, undefined, 'en', undefined, { lines: 1 }).container.textContent).toBe('1 line');
    expect(cell(lines, undefined, 'en', undefined, { lines: 0 }).container.textContent).toBe('0 lines');
    // A record just saved comes back with its lines: they are counted the same way.
    expect(cell(lines, [{ product: 'Desk' }, { product: 'Lamp' }], 'en').container.textContent).toBe('2 lines');
    // Without a count (a hidden child table is not counted) the cell stays empty, not "0 lines".
    expect(cell(lines, undefined, 'en', undefined, { other: 3 }).container.textContent).toBe('');
  });

  it('shows a relation by the display text the server resolved, never the raw id', () => {
    const customer: FieldDefinition = { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' };
    const { container } = cell(customer, '0b5c8a62-3f7e-4c55-9a51-2f6d2f1f0c11', 'en', { customer: 'Acme Ltd' });
    expect(container.textContent).toBe('Acme Ltd');
  });
});
