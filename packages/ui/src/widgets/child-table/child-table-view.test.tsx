import type { AppDocument, FieldDefinition } from '@tessera/schemas';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordData } from '../../api/types';
import { translate } from '../../i18n/messages';
import { FieldCell } from '../../objects/field-cell';
import { useCurrentAppStore } from '../../stores/current-app-store';
import { useSessionStore } from '../../stores/session-store';
import { ChildTableView } from './child-table-view';

const document: AppDocument = {
  id: 'quotes',
  label: { en: 'Quotes' },
  objects: [
    { id: 'quote', label: { en: 'Quote' }, fields: [{ id: 'lines', type: 'child_table', label: { en: 'Lines', 'zh-CN': '明细' }, target: 'line' }] },
    {
      id: 'line',
      label: { en: 'Line' },
      parent: 'quote',
      fields: [
        { id: 'product', type: 'text', label: { en: 'Product', 'zh-CN': '产品' } },
        { id: 'qty', type: 'number', label: { en: 'Qty', 'zh-CN': '数量' }, showTotal: true },
        { id: 'amount', type: 'formula', label: { en: 'Amount', 'zh-CN': '金额' }, formula: 'qty * 2', resultType: 'currency', showTotal: true },
      ],
    },
  ],
};
const lines = document.objects[0]!.fields[0] as FieldDefinition;
const saved = Array.from({ length: 25 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  parent_id: 'q',
  sort_index: i,
  product: `P${i + 1}`,
  qty: '1',
  amount: '2.50',
}));

beforeEach(() => {
  useSessionStore.setState({ locale: 'en' });
  useCurrentAppStore.setState({ appId: null, document });
});

describe('a record’s lines, read-only', () => {
  it('lists the lines in order, 20 a page, with the stored amounts and the total of every line', () => {
    render(<ChildTableView field={lines} lines={saved} />);
    const view = screen.getByTestId('child-table-view-lines');
    const rows = view.querySelectorAll('tbody tr.ant-table-row');
    expect(rows).toHaveLength(20);
    // Intl puts a no-break space between the currency and the amount.
    const text = (node: Element | null) => node?.textContent?.replace(/\s/g, ' ') ?? '';
    expect(text(rows[0]!)).toContain('P1');
    expect(text(rows[0]!)).toContain('CNY 2.50');
    expect(text(within(view).getByTestId('child-table-view-total-amount'))).toBe('CNY 62.50');
    expect(within(view).getByTestId('child-table-view-total-qty').textContent).toContain('25');
  });

  it('counts the lines in a list cell, in the reader’s language', () => {
    const record = { id: 'q', version: 1, lines: saved.slice(0, 3) } as unknown as RecordData;
    const { container, rerender } = render(<FieldCell field={lines} record={record} locale="zh-CN" t={(key, params) => translate('zh-CN', key, params)} />);
    expect(container.textContent).toBe('3 行');
    rerender(<FieldCell field={lines} record={{ ...record, lines: saved.slice(0, 1) }} locale="en" t={(key, params) => translate('en', key, params)} />);
    expect(container.textContent).toBe('1 line');
  });
});
