import type { ObjectDefinition } from '@tessera/schemas';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { type ComponentProps, memo, type ReactNode, useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { plainEngine } from '../../form-runtime/form-rules';
import { type FormRuntime, FormRuntimeContext } from '../../form-runtime/form-runtime-context';
import { createFormStore } from '../../form-runtime/form-store';
import { loadWidgets } from '../../form-runtime/widget-loader';
import { fieldWidget, type WidgetContext } from '../../records/field-widget';
import { useSessionStore } from '../../stores/session-store';
import { linesField, quoteLine } from '../../test-support/quote-lines';
import { cellErrorKey } from './cell-errors';
import { type ChildRows, rowsFromWire, rowsToWire } from './child-row';
import { ChildTable } from './child-table';

/** Every render of a grid row, by line index: what a keystroke costs is which rows it re-renders. */
const rowRenders = vi.hoisted(() => [] as number[]);

vi.mock('./grid-row', async (importOriginal) => {
  const original = await importOriginal<typeof import('./grid-row')>();
  type RowProps = ComponentProps<typeof original.GridRow>;
  // A memo component keeps its render function in `type`.
  const render = (original.GridRow as unknown as { type: (props: RowProps) => ReactNode }).type;
  // The row's own render function, called inside a counting component with the same memo: hooks and subscriptions stay the row's.
  const Counted = (props: RowProps) => {
    rowRenders.push(props.index);
    return render(props);
  };
  return { ...original, GridRow: memo(Counted) };
});

const line = quoteLine;
const quote: ObjectDefinition = { id: 'quote', label: { en: 'Quote' }, fields: [linesField] };
const ctx: WidgetContext = { appId: 'app', locale: 'en', record: null, objects: [quote, line] };

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const thousandLines = () =>
  rowsFromWire(
    Array.from({ length: 1000 }, (_, i) => ({ id: uuid(i), product: `P${i}`, qty: '1', price: '2.50' })),
    line.fields.filter((f) => f.type !== 'formula'),
  );

/** Holds the value as the form store does: each change comes back to the table as its new value. */
function Harness({ initial, seen }: { initial: ChildRows; seen: { current: ChildRows } }) {
  const [value, setValue] = useState<ChildRows>(initial);
  return (
    <ChildTable
      field={linesField}
      ctx={ctx}
      inputFor={fieldWidget}
      value={value}
      onChange={(rows) => {
        seen.current = rows;
        setValue(rows);
      }}
    />
  );
}

function setup(initial: ChildRows = thousandLines()) {
  const seen = { current: initial };
  const view = render(<Harness initial={initial} seen={seen} />);
  return { ...view, seen, rows: () => screen.getAllByTestId('child-table-row') };
}

/**
 * Typing reaches the form when the browser idles, here (no idle callback in happy-dom) from a
 * zero-delay timeout (child-table.tsx, when-idle.ts): run it, on the tests' own clock.
 */
const handedOver = () =>
  act(() => {
    vi.runOnlyPendingTimers();
  });

const cell = (row: HTMLElement, field: string) => row.querySelector<HTMLElement>(`[data-field="${field}"]`)!;
const input = (row: HTMLElement, field: string) => cell(row, field).querySelector('input')!;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  useSessionStore.setState({ locale: 'en' });
  rowRenders.length = 0;
  // happy-dom lays nothing out: give the grid's scroll box the size a browser would, so rows virtualize as on screen.
  const scrollBox = (element: HTMLElement, size: number) => (element.classList.contains('child-table-scroll') ? size : 0);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function height(this: HTMLElement) {
    return scrollBox(this, 480);
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function width(this: HTMLElement) {
    return scrollBox(this, 960);
  });
  return () => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  };
});

describe('the lines grid', () => {
  it('keeps a 1,000-line table to the rows on screen, and a keystroke re-renders only the row typed in', async () => {
    const initial = thousandLines();
    const { rows, seen } = setup(initial);
    expect(rows().length).toBeGreaterThan(3);
    expect(rows().length).toBeLessThan(40);
    rowRenders.length = 0;

    fireEvent.change(input(rows()[2]!, 'product'), { target: { value: 'P2 deluxe' } });
    expect(seen.current).toBe(initial);
    await handedOver();

    expect(seen.current[2]!.values.product).toBe('P2 deluxe');
    expect(seen.current[1]).toBe(initial[1]);
    expect(new Set(rowRenders)).toEqual(new Set([2]));
    expect(rowRenders.length).toBeLessThanOrEqual(2);
  });

  it('computes a line’s formula and the totals live, exactly', () => {
    const { rows } = setup();
    const first = rows()[0]!;
    expect(cell(first, 'amount').textContent).toContain('2.50');
    fireEvent.change(input(first, 'qty'), { target: { value: '3' } });
    fireEvent.change(input(first, 'price'), { target: { value: '0.10' } });
    expect(cell(rows()[0]!, 'amount').textContent).toContain('0.30');
    const totals = screen.getByTestId('child-table-totals');
    // 999 lines of 1 × 2.50, and one of 3 × 0.10.
    expect(cell(totals, 'amount').textContent).toContain('2,497.80');
    expect(cell(totals, 'qty').textContent).toContain('1,002');
  });

  it('adds, moves and removes lines: saved lines keep their ids, a new one has none, order is the list order', () => {
    const initial = thousandLines().slice(0, 3);
    const { rows, seen } = setup(initial);
    fireEvent.click(screen.getByTestId('child-table-add'));
    expect(seen.current).toHaveLength(4);
    expect(seen.current[3]!.id).toBeUndefined();

    fireEvent.click(within(rows()[0]!).getByTestId('child-table-move-down'));
    expect(seen.current.map((r) => r.id)).toEqual([uuid(1), uuid(0), uuid(2), undefined]);
    expect(within(rows()[0]!).getByTestId('child-table-move-up')).toHaveProperty('disabled', true);

    fireEvent.click(within(rows()[2]!).getByTestId('child-table-remove'));
    expect(rowsToWire(seen.current).map((r) => r.id)).toEqual([uuid(1), uuid(0), undefined]);
    expect(screen.getByTestId('child-table-count').textContent).toBe('3 lines');
  });

  it('trims typed text when the cell is left, not while typing, and hands it to the form then', async () => {
    const { rows, seen } = setup(thousandLines().slice(0, 1));
    const product = input(rows()[0]!, 'product');
    fireEvent.change(product, { target: { value: 'Desk ' } });
    await handedOver();
    expect(seen.current[0]!.values.product).toBe('Desk ');
    fireEvent.change(product, { target: { value: 'Desk lamp ' } });
    fireEvent.blur(product);
    // No wait: leaving the grid (a click on Save) hands the edit over at once.
    expect(seen.current[0]!.values.product).toBe('Desk lamp');
  });

  it('shows the server’s message on the cell it points to, and drops it when that cell is edited', () => {
    const initial = thousandLines().slice(0, 2);
    const store = createFormStore(plainEngine(quote), { lines: initial }, 'update');
    const runtime: FormRuntime = { store, fields: new Map(), widgets: ctx, checkUnique: () => undefined };
    store.getState().setErrors({ [cellErrorKey('lines', initial[1]!.key, 'qty')]: ['"Qty" must be at least 0'] });
    const seen = { current: initial };
    render(
      <FormRuntimeContext value={runtime}>
        <Harness initial={initial} seen={seen} />
      </FormRuntimeContext>,
    );
    const second = screen.getAllByTestId('child-table-row')[1]!;
    expect(within(cell(second, 'qty')).getByTestId('child-table-cell-error').textContent).toBe('"Qty" must be at least 0');
    expect(screen.getAllByTestId('child-table-cell-error')).toHaveLength(1);
    act(() => {
      fireEvent.change(input(second, 'qty'), { target: { value: '2' } });
    });
    expect(screen.queryByTestId('child-table-cell-error')).toBeNull();
  });

  it('takes a list from outside (a reloaded record) over an edit not yet handed to the form', async () => {
    const changes: ChildRows[] = [];
    const table = (value: ChildRows) => (
      <ChildTable field={linesField} ctx={ctx} inputFor={fieldWidget} value={value} onChange={(rows) => changes.push(rows)} />
    );
    const { rerender } = render(table(thousandLines().slice(0, 2)));
    fireEvent.change(input(screen.getAllByTestId('child-table-row')[0]!, 'product'), { target: { value: 'typed' } });
    rerender(table(rowsFromWire([{ id: uuid(7), product: 'Reloaded', qty: '1', price: '1' }])));
    await handedOver();
    expect(changes).toEqual([]);
    expect(screen.getAllByTestId('child-table-row')).toHaveLength(1);
    expect(input(screen.getAllByTestId('child-table-row')[0]!, 'product').value).toBe('Reloaded');
  });

  it('draws number cells as light inputs until the user comes to one, then as antd’s, with the value typed on', async () => {
    const { rows, seen } = setup(thousandLines().slice(0, 2));
    const light = input(rows()[1]!, 'price');
    expect(light.className).toContain('tessera-light-bare');
    expect(light.getAttribute('aria-label')).toBe('Price, line 2');
    expect(light.value).toBe('2.5');
    // The column names the currency; a line does not repeat it.
    expect(cell(rows()[1]!, 'price').textContent).not.toContain('CNY');
    expect(document.querySelector('.ant-input-number')).toBeNull();

    await act(async () => {
      light.focus();
      await loadWidgets();
    });
    const real = input(rows()[1]!, 'price');
    expect(real.closest('.ant-input-number-sm')).not.toBeNull();
    expect(real.getAttribute('aria-label')).toBe('Price, line 2');
    expect(document.activeElement).toBe(real);
    expect(document.querySelectorAll('.ant-input-number')).toHaveLength(1);
    fireEvent.change(real, { target: { value: '3.75' } });
    await handedOver();
    expect(seen.current[1]!.values.price).toBe('3.75');
    expect(cell(rows()[1]!, 'amount').textContent).toContain('3.75');
  });

  it('locks every line when the field is read-only', () => {
    const initial = thousandLines().slice(0, 2);
    render(<ChildTable field={linesField} ctx={ctx} inputFor={fieldWidget} value={initial} disabled />);
    expect(screen.getByTestId('child-table-add')).toHaveProperty('disabled', true);
    const first = screen.getAllByTestId('child-table-row')[0]!;
    expect(input(first, 'product')).toHaveProperty('disabled', true);
    expect(input(first, 'qty')).toHaveProperty('disabled', true);
    expect(within(first).getByTestId('child-table-remove')).toHaveProperty('disabled', true);
  });
});
