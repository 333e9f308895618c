import type { ObjectDefinition } from '@tessera/schemas';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecordData } from '../api/types';
import type { WidgetContext } from '../records/field-widget';
import { RecordForm } from '../records/record-form';
import { linesField, quoteLine } from '../test-support/quote-lines';
import { rowsFromWire } from '../widgets/child-table/child-row';
import { generatedLayout } from './form-layout';
import { plainEngine } from './form-rules';
import type { FormRuntime } from './form-runtime-context';
import { createFormStore } from './form-store';
import { liveFormulas } from './live-formulas';

const line = quoteLine;
const quote: ObjectDefinition = {
  id: 'quote',
  label: { en: 'Quote' },
  fields: [
    { id: 'number', type: 'auto_number', label: { en: 'Number' }, numberFormat: 'Q-{0000}' },
    { id: 'discount', type: 'percent', label: { en: 'Discount' } },
    { id: 'total', type: 'formula', label: { en: 'Total' }, formula: 'ROUND(SUM(lines.amount) * (1 - COALESCE(discount, 0)), 2)', resultType: 'currency' },
    { id: 'visits', type: 'formula', label: { en: 'Visits' }, formula: 'COUNT(calls)', resultType: 'number' },
    linesField,
  ],
};
const objects = [quote, line];
const context = () => ({ now: new Date(), timeZone: 'Asia/Shanghai' });
const computed = (id: string) => screen.getByTestId(`computed-${id}`).textContent;

function renderForm(record: RecordData | null) {
  const store = createFormStore(plainEngine(quote), {}, record ? 'update' : 'create');
  const widgets: WidgetContext = { appId: 'app', locale: 'en', record, objects };
  // `visits` stands for a rollup over a related list: the server's, on read.
  const formulas = liveFormulas(quote, objects, ['visits'], record, context);
  const runtime: FormRuntime = { store, fields: new Map(quote.fields.map((f) => [f.id, f])), widgets, checkUnique: () => undefined, formulas };
  render(<RecordForm runtime={runtime} layout={generatedLayout(quote)} disabled={false} />);
  return store;
}

describe('fields the server fills in, in the form', () => {
  it('computes a total from the lines and the discount as they change, as the save will store it', () => {
    const store = renderForm(null);
    expect(computed('number')).toBe('Numbered when saved');
    expect(screen.queryByTestId('computed-visits')).toBeNull(); // nothing to show before the record exists
    expect(computed('total')).toContain('0.00');

    act(() =>
      store.getState().setValue(
        'lines',
        rowsFromWire(
          [
            { qty: '3', price: '0.10' },
            { qty: '2', price: '19.99' },
          ],
          line.fields.filter((f) => f.type !== 'formula'),
        ),
      ),
    );
    expect(computed('total')).toContain('40.28');
    act(() => store.getState().setValue('discount', '0.1'));
    expect(computed('total')).toContain('36.25');
    expect(screen.getByText('Computed automatically', { selector: '*' })).toBeTruthy();
  });

  it('shows a stored number, and a rollup as loaded', () => {
    const record = { id: 'q1', version: 1, number: 'Q-0007', visits: 4, total: '0' } as unknown as RecordData;
    renderForm(record);
    expect(computed('number')).toBe('Q-0007');
    expect(computed('visits')).toContain('4');
  });
});
