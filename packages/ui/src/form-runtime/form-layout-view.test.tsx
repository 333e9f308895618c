import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WidgetContext } from '../records/field-widget';
import { RecordForm } from '../records/record-form';
import { formLayout } from './form-layout';
import { formEngine } from './form-rules';
import type { FormRuntime } from './form-runtime-context';
import { createFormStore } from './form-store';

const label = (en: string) => ({ en });
const lead: ObjectDefinition = {
  id: 'lead',
  label: label('Lead'),
  fields: [
    { id: 'name', type: 'text', label: label('Name') },
    { id: 'phone', type: 'phone', label: label('Phone'), required: true },
    { id: 'city', type: 'text', label: label('City') },
    { id: 'budget', type: 'number', label: label('Budget') },
  ],
};
const app: AppDocument = {
  id: 'crm',
  label: label('CRM'),
  objects: [lead],
  forms: [
    {
      id: 'lead_entry',
      object: 'lead',
      label: label('Lead'),
      nodes: [
        { id: 'pages', kind: 'tabs' },
        { id: 'about', kind: 'tab', parent: 'pages', label: label('About') },
        { id: 'n_name', kind: 'field', parent: 'about', field: 'name' },
        { id: 'contact', kind: 'tab', parent: 'pages', label: label('Contact') },
        { id: 'n_phone', kind: 'field', parent: 'contact', field: 'phone' },
        { id: 'n_city', kind: 'field', parent: 'contact', field: 'city' },
        { id: 'money', kind: 'tab', parent: 'pages', label: label('Money') },
        { id: 'n_budget', kind: 'field', parent: 'money', field: 'budget' },
      ],
    },
  ],
};
const ctx: WidgetContext = { appId: 'crm', locale: 'en', record: null, objects: [lead] };
const context = () => ({ now: '2026-11-23T08:00:00Z', timeZone: 'Asia/Shanghai', currentUser: null });

/** The same fields as steps instead of tabs. */
const stepsApp: AppDocument = {
  ...app,
  forms: app.forms?.map((form) => ({
    ...form,
    nodes: form.nodes.map((node) =>
      node.kind === 'tabs' ? { ...node, kind: 'steps' as const } : node.kind === 'tab' ? { ...node, kind: 'step' as const } : node,
    ),
  })),
};

function renderForm(document: AppDocument = app) {
  const form = document.forms?.[0];
  if (!form) throw new Error('fixture has a form');
  const store = createFormStore(formEngine(document, lead, context, []), {}, 'create');
  const runtime: FormRuntime = { store, fields: new Map(lead.fields.map((f) => [f.id, f])), widgets: ctx, checkUnique: () => undefined };
  const view = render(<RecordForm runtime={runtime} layout={formLayout(form)} disabled={false} />);
  const field = (id: string) => view.container.querySelector(`#record-form_${id}`);
  const marks = () =>
    [...view.container.querySelectorAll('[role="tab"]')].filter((tab) => tab.querySelector('.tessera-page-error')).map((tab) => tab.textContent);
  return { store, field, marks };
}

describe('tabs render on demand', () => {
  it('mounts only the tab on show, and keeps every tab’s values in the form', () => {
    const { store, field } = renderForm();
    expect(field('name')).not.toBeNull();
    expect(field('phone')).toBeNull();
    expect(field('budget')).toBeNull();

    fireEvent.change(field('name') as HTMLInputElement, { target: { value: 'Wang' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Contact' }));
    expect(field('name')).toBeNull();
    fireEvent.change(field('phone') as HTMLInputElement, { target: { value: '13800000000' } });
    fireEvent.click(screen.getByRole('tab', { name: 'About' }));
    expect((field('name') as HTMLInputElement).value).toBe('Wang');
    expect(store.getState().values).toMatchObject({ name: 'Wang', phone: '13800000000' });
  });

  it('turns to the first tab with messages when a save brings them, and marks it', () => {
    const { store, field, marks } = renderForm();
    act(() => store.getState().setErrors({ phone: ['Phone is required'], budget: ['Too big'] }));
    expect(field('phone')).not.toBeNull();
    expect(screen.getByText('Phone is required')).toBeTruthy();
    expect(marks()).toEqual(['Contact', 'Money']);

    // Editing clears that field's message: no jump to the other tab that still has one.
    fireEvent.change(field('phone') as HTMLInputElement, { target: { value: '13800000000' } });
    expect(marks()).toEqual(['Money']);
    expect(field('phone')).not.toBeNull();
  });

  it('stays on the tab on show when it has messages itself, marking the others', () => {
    const { store, field, marks } = renderForm();
    act(() => store.getState().setErrors({ name: ['Taken'], budget: ['Too big'] }));
    expect(field('name')).not.toBeNull();
    expect(marks()).toEqual(['About', 'Money']);
  });
});

describe('steps render on demand', () => {
  it('shows one step at a time and turns to the step with messages, marked as failed', async () => {
    const { store, field } = renderForm(stepsApp);
    await waitFor(() => expect(field('name')).not.toBeNull()); // the steps view loads in its own chunk
    expect(field('phone')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(field('phone')).not.toBeNull();
    expect(field('name')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));

    act(() => store.getState().setErrors({ budget: ['Too big'] }));
    expect(field('budget')).not.toBeNull();
    expect(document.querySelector('.ant-steps-item-error')?.textContent).toContain('Money');
  });
});
