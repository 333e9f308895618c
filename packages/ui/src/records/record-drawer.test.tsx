import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ObjectAccess, RecordData } from '../api/types';
import type { DrawerTarget } from '../objects/use-drawer-target';
import { useCurrentAppStore } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { RecordDrawer } from './record-drawer';

const label = (en: string) => ({ en });
const deal: ObjectDefinition = {
  id: 'deal',
  label: label('Deal'),
  displayField: 'name',
  fields: [
    { id: 'name', type: 'text', label: label('Name'), required: true },
    {
      id: 'stage',
      type: 'select',
      label: label('Stage'),
      options: [
        { value: 'open', label: label('Open') },
        { value: 'lost', label: label('Lost') },
      ],
    },
    { id: 'amount', type: 'currency', label: label('Amount'), currency: 'CNY', scale: 2 },
    { id: 'margin', type: 'text', label: label('Margin') },
    { id: 'lost_reason', type: 'long_text', label: label('Reason lost') },
  ],
};
/** The demo CRM's rule in small: a lost deal shows and needs its reason. */
const app: AppDocument = {
  id: 'crm',
  label: label('CRM'),
  objects: [deal],
  forms: [
    {
      id: 'deal_form',
      object: 'deal',
      label: label('Deal'),
      nodes: ['name', 'stage', 'amount', 'margin', 'lost_reason'].map((field) => ({ id: `n_${field}`, kind: 'field' as const, field })),
      rules: [
        { id: 'reason_hidden', when: 'TRUE', effects: [{ kind: 'visible', field: 'lost_reason', value: false }] },
        {
          id: 'lost_needs_reason',
          when: 'stage = "lost"',
          effects: [
            { kind: 'visible', field: 'lost_reason', value: true },
            { kind: 'required', field: 'lost_reason', value: true },
          ],
        },
      ],
    },
  ],
};
const stored: RecordData = {
  id: 'd1',
  version: 3,
  owner_id: null,
  department_id: null,
  created_at: '',
  created_by: null,
  updated_at: '',
  updated_by: null,
  deleted_at: null,
  name: 'Acme renewal',
  stage: 'open',
  amount: '1000.00',
  lost_reason: null,
};

interface Sent {
  method: string;
  url: string;
  body: { version?: number; values: Record<string, unknown> } | undefined;
}

/** The server as the drawer meets it: the record, an optional draft, and whatever is written (answered with the record). */
function fakeServer(draft: Record<string, unknown> | null) {
  const writes: Sent[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      if (method === 'GET' && url.endsWith('/records/d1')) return json(stored);
      if (method === 'GET' && url.endsWith('/drafts')) return json(draft ? [{ key: 'd1', updatedAt: '2026-11-20T08:00:00Z' }] : []);
      if (method === 'GET' && url.endsWith('/drafts/d1')) return json({ key: 'd1', values: draft, updatedAt: '2026-11-20T08:00:00Z' });
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Sent['body']) : undefined;
      if (url.includes('/drafts/')) return new Response(null, { status: 204 });
      writes.push({ method, url, body });
      return json({ ...stored, ...body?.values, version: stored.version + 1 });
    }),
  );
  return writes;
}

function openDrawer(target: Exclude<DrawerTarget, null>, access: ObjectAccess) {
  useCurrentAppStore.setState({ appId: 'crm', status: 'ready', version: 1, document: app, access: { deal: access } });
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(
    <App>
      <RecordDrawer appId="crm" object={deal} target={target} onClose={onClose} onSaved={onSaved} onDeleted={() => undefined} />
    </App>,
  );
  const input = (id: string) => document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#record-form_${id}`);
  const save = () => act(() => fireEvent.click(screen.getByTestId('record-save')));
  return { input, save, onSaved, onClose };
}

const editor: ObjectAccess = { actions: ['create', 'read', 'update'], hiddenFields: [], readOnlyFields: [] };

beforeEach(() => useSessionStore.getState().setLocale('en'));
afterEach(() => vi.unstubAllGlobals());

describe('the record drawer and the user’s field access', () => {
  it('locks a field read-only for the role, showing its value, hides one hidden from it, and never sends either', async () => {
    // A draft from before the amount was locked for this role: resuming it must not send the old amount.
    const writes = fakeServer({ name: 'Acme renewal 2027', amount: 999 });
    const { input, save, onSaved } = openDrawer(
      { mode: 'edit', recordId: 'd1' },
      { ...editor, hiddenFields: ['margin'], readOnlyFields: ['amount', 'margin'] },
    );
    await waitFor(() => expect(input('name')?.value).toBe('Acme renewal'));

    expect(input('amount')?.disabled).toBe(true);
    expect(input('amount')?.value).toMatch(/^1,?000(\.00)?$/);
    expect(input('margin')).toBeNull();
    expect(input('name')?.disabled).toBe(false);

    fireEvent.click(await screen.findByTestId('record-draft-resume'));
    expect(input('name')?.value).toBe('Acme renewal 2027');
    await save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(writes).toEqual([expect.objectContaining({ method: 'PATCH', body: { version: 3, values: { name: 'Acme renewal 2027' } } })]);
  });

  it('lets a role without restrictions edit the same field', async () => {
    fakeServer(null);
    const { input } = openDrawer({ mode: 'edit', recordId: 'd1' }, editor);
    await waitFor(() => expect(input('name')?.value).toBe('Acme renewal'));
    expect(input('amount')?.disabled).toBe(false);
    expect(input('margin')).not.toBeNull();
  });
});

describe('the record drawer completing a refused move', () => {
  const preset = {
    values: { stage: 'lost' },
    problem: {
      title: 'Invalid',
      status: 422,
      errors: [{ field: 'lost_reason', pointer: '/values/lost_reason', code: 'form.required', message: 'Reason lost is required' }],
    },
    notice: 'Moving the card to “Lost” needs a few more details.',
  };

  it('opens with the new value as an edit and the refusal on its field; saving sends both', async () => {
    const writes = fakeServer(null);
    const { input, save, onSaved, onClose } = openDrawer({ mode: 'edit', recordId: 'd1', preset }, editor);
    await waitFor(() => expect(input('lost_reason')).not.toBeNull());

    expect(screen.getByTestId('record-preset-notice').textContent).toContain('Moving the card to “Lost”');
    expect(input('stage')?.value).toBe('Lost');
    expect(screen.getByText('Reason lost is required')).toBeTruthy();
    expect(input('lost_reason')?.getAttribute('aria-required')).toBe('true');

    fireEvent.change(input('lost_reason') as HTMLTextAreaElement, { target: { value: 'Budget cut' } });
    expect(screen.queryByText('Reason lost is required')).toBeNull();
    await save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ stage: 'lost', lost_reason: 'Budget cut' })));
    expect(onClose).toHaveBeenCalled();
    expect(writes.map((w) => w.body)).toEqual([{ version: 3, values: { stage: 'lost', lost_reason: 'Budget cut' } }]);
    expect(writes[0]?.url).toContain('?form=deal_form');
  });

  it('does not preset a field the role may not write', async () => {
    fakeServer(null);
    const { input } = openDrawer({ mode: 'edit', recordId: 'd1', preset }, { ...editor, readOnlyFields: ['stage'] });
    await waitFor(() => expect(input('name')?.value).toBe('Acme renewal'));
    expect(input('stage')?.value).toBe('Open');
    expect(input('stage')?.disabled).toBe(true);
    expect(input('lost_reason')).toBeNull();
  });
});
