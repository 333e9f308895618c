import type { ObjectDefinition } from '@tessera/schemas';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { WidgetContext } from '../records/field-widget';
import { RecordForm } from '../records/record-form';
import { generatedLayout } from './form-layout';
import { plainEngine } from './form-rules';
import type { FormRuntime } from './form-runtime-context';
import { createFormStore } from './form-store';
import { loadWidgets } from './widget-loader';

const deal: ObjectDefinition = {
  id: 'deal',
  label: { en: 'Deal' },
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
    { id: 'notes', type: 'long_text', label: { en: 'Notes' }, required: true },
    { id: 'amount', type: 'currency', label: { en: 'Amount' }, currency: 'CNY' },
    { id: 'won', type: 'checkbox', label: { en: 'Won' } },
    {
      id: 'stage',
      type: 'select',
      label: { en: 'Stage' },
      options: [
        { value: 'lead', label: { en: 'Lead' } },
        { value: 'won', label: { en: 'Won' } },
      ],
    },
  ],
};
const ctx: WidgetContext = { appId: 'app', locale: 'en', record: null, objects: [deal] };

function renderForm() {
  const store = createFormStore(plainEngine(deal), { stage: 'lead' }, 'create');
  const runtime: FormRuntime = { store, fields: new Map(deal.fields.map((f) => [f.id, f])), widgets: ctx, checkUnique: () => undefined };
  const view = render(<RecordForm runtime={runtime} layout={generatedLayout(deal)} disabled={false} />);
  const input = (id: string) => view.container.querySelector<HTMLElement>(`#record-form_${id}`);
  return { store, input };
}

const isLight = (element: HTMLElement | null) => element !== null && /tessera-light/.test(`${element.className} ${element.parentElement?.className ?? ''}`);

// The order matters: the widget chunk loads once per page, as in the browser.
describe('a field that starts as a light input', () => {
  it('keeps what is typed before the antd widgets arrive, then hands focus and caret to the real input', async () => {
    const { store, input } = renderForm();
    const light = input('amount') as HTMLInputElement;
    expect(isLight(light)).toBe(true);
    expect(light.closest('.ant-form-item')?.querySelector('label')?.getAttribute('for')).toBe('record-form_amount');

    // Synchronously, before the widget chunk can have arrived: focus, then two keystrokes.
    act(() => light.focus());
    fireEvent.change(light, { target: { value: '12' } });
    expect(store.getState().values.amount).toBe('12');

    await act(async () => {
      await loadWidgets();
    });
    await waitFor(() => expect(isLight(input('amount'))).toBe(false));
    const real = input('amount') as HTMLInputElement;
    expect(real.closest('.ant-input-number')).not.toBeNull();
    expect(document.activeElement).toBe(real);
    expect(real.value).toBe('12');
    expect(real.selectionStart).toBe(2);

    await userEvent.keyboard('3');
    expect(store.getState().values.amount).toBe('123');
  });

  it('swaps on focus once the widgets are there, with the same id, label and required state', async () => {
    await loadWidgets();
    const { store, input } = renderForm();
    const light = input('notes');
    expect(isLight(light)).toBe(true);
    expect(light?.getAttribute('aria-required')).toBe('true');

    act(() => light?.focus());
    const real = input('notes') as HTMLTextAreaElement;
    expect(isLight(real)).toBe(false);
    expect(real.classList.contains('ant-input')).toBe(true);
    expect(real.getAttribute('aria-required')).toBe('true');
    expect(document.activeElement).toBe(real);

    await userEvent.keyboard('Met at the fair');
    expect(store.getState().values.notes).toBe('Met at the fair');
  });

  it('keeps the browser input for one-line text: no swap on focus, typing goes to the store', async () => {
    await loadWidgets();
    const { store, input } = renderForm();
    const name = input('name') as HTMLInputElement;
    expect(name.tagName).toBe('INPUT');
    expect(name.getAttribute('aria-required')).toBe('true');
    expect(name.closest('form')?.querySelector('label')?.getAttribute('for')).toBe('record-form_name');

    act(() => name.focus());
    await userEvent.keyboard('ACME');
    expect(input('name')).toBe(name);
    expect(document.activeElement).toBe(name);
    expect(store.getState().values.name).toBe('ACME');
  });

  it('toggles a switch once when pressed before it was hovered, and keeps the focus on the real switch', async () => {
    await loadWidgets();
    const { store, input } = renderForm();
    const light = input('won') as HTMLElement;
    expect(light.getAttribute('role')).toBe('switch');
    fireEvent.pointerDown(light);
    act(() => light.focus()); // a press focuses before its click: no swap yet
    expect(input('won')).toBe(light);
    fireEvent.click(light);
    expect(store.getState().values.won).toBe(true);
    const real = input('won') as HTMLElement;
    expect(real).not.toBe(light);
    expect(real.classList.contains('ant-switch')).toBe(true);
    expect(real.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(real);
  });

  it('shows a chosen option by its label and opens the real select when clicked', async () => {
    await loadWidgets();
    const { input } = renderForm();
    const light = input('stage') as HTMLInputElement;
    expect(light.value).toBe('Lead');
    expect(light.getAttribute('role')).toBe('combobox');
    fireEvent.pointerDown(light);
    act(() => light.focus());
    fireEvent.click(light);
    const real = input('stage') as HTMLElement;
    expect(isLight(real)).toBe(false);
    expect(document.activeElement).toBe(real);
    await waitFor(() => expect(real.getAttribute('aria-expanded')).toBe('true'));
  });
});
