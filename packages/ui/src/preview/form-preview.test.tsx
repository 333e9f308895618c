import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FormPreview, type RecordData } from './form-preview';

const label = (en: string) => ({ en });
const customer: ObjectDefinition = {
  id: 'customer',
  label: label('Customer'),
  fields: [
    { id: 'name', type: 'text', label: label('Name') },
    { id: 'tier', type: 'select', label: label('Tier'), options: [{ value: 'a', label: label('A') }] },
    { id: 'budget', type: 'number', label: label('Budget') },
    { id: 'files', type: 'attachment', label: label('Files') },
  ],
};
/** A draft nobody has published: a new section with a field and a rule hiding the budget until a name is typed. */
const draft: AppDocument = {
  id: 'crm',
  label: label('CRM'),
  objects: [customer],
  forms: [
    {
      id: 'customer_entry',
      object: 'customer',
      label: label('Customer'),
      nodes: [
        { id: 'main', kind: 'section', label: label('Basics') },
        { id: 'n_name', kind: 'field', parent: 'main', field: 'name', label: label('Company name') },
        { id: 'n_budget', kind: 'field', parent: 'main', field: 'budget' },
        { id: 'n_files', kind: 'field', parent: 'main', field: 'files' },
      ],
      rules: [{ id: 'r1', when: 'ISBLANK(name)', effects: [{ kind: 'visible', field: 'budget', value: false }] }],
    },
  ],
};

const fetchSpy = vi.fn(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
beforeEach(() => {
  fetchSpy.mockClear();
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(() => vi.unstubAllGlobals());

describe('FormPreview', () => {
  it("draws a draft's form with the runtime's rules, and never writes", async () => {
    const form = draft.forms?.[0] ?? null;
    const view = render(<FormPreview appId="crm" document={draft} object={customer} form={form} locale="en" />);
    expect(screen.getByText('Basics')).toBeTruthy();
    expect(screen.getByText('Company name')).toBeTruthy();
    expect(screen.queryByText('Tier')).toBeNull(); // not placed on the form
    expect(view.container.querySelector('#record-form_budget')).toBeNull();

    fireEvent.change(view.container.querySelector('#record-form_name') as HTMLInputElement, { target: { value: 'Acme' } });
    await waitFor(() => expect(view.container.querySelector('#record-form_budget')).not.toBeNull());
    await waitFor(() => expect(screen.getByTestId('file-upload-files').querySelector('button')?.disabled).toBe(true));
    const writes = fetchSpy.mock.calls.filter((call) => {
      const init = (call as unknown[])[1] as RequestInit | undefined;
      return init?.method !== undefined && init.method !== 'GET';
    });
    expect(writes).toEqual([]);
  });

  it('fills the form from an existing record, its rules applied to its values, and writes nothing', async () => {
    const form = draft.forms?.[0] ?? null;
    const record = { id: 'r1', version: 3, name: 'Beta', tier: 'a', budget: 1200, files: [] } as unknown as RecordData;
    const view = render(<FormPreview appId="crm" document={draft} object={customer} form={form} locale="en" record={record} />);
    expect((view.container.querySelector('#record-form_name') as HTMLInputElement).value).toBe('Beta');
    // The rule hides the budget only while the name is blank: this record has one.
    await waitFor(() => expect((view.container.querySelector('#record-form_budget') as HTMLInputElement | null)?.value).toBe('1200'));
    const writes = fetchSpy.mock.calls.filter((call) => (((call as unknown[])[1] as RequestInit | undefined)?.method ?? 'GET') !== 'GET');
    expect(writes).toEqual([]);
  });

  it('shows every field in order without a form', () => {
    render(<FormPreview appId="crm" document={draft} object={customer} form={null} locale="en" />);
    expect(screen.getAllByText(/^(Name|Tier|Budget|Files)$/).map((e) => e.textContent)).toEqual(['Name', 'Tier', 'Budget', 'Files']);
  });
});
