import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ObjectAccess, RecordData } from '../api/types';
import { loadWidgets } from '../form-runtime/widget-loader';
import type { DrawerTarget } from '../objects/use-drawer-target';
import { useCurrentAppStore } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { RecordDrawer } from './record-drawer';

const label = (en: string) => ({ en });
const CUSTOMER_ID = '952b960a-a301-4c1e-9d2b-6f1f3c0a7e11';

const customer: ObjectDefinition = {
  id: 'customer',
  label: label('Customer'),
  displayField: 'name',
  fields: [{ id: 'name', type: 'text', label: label('Name'), required: true }],
};
const deal: ObjectDefinition = {
  id: 'deal',
  label: label('Deal'),
  displayField: 'name',
  fields: [
    { id: 'name', type: 'text', label: label('Name'), required: true },
    { id: 'customer', type: 'relation', label: label('Customer'), target: 'customer' },
    {
      id: 'stage',
      type: 'select',
      label: label('Stage'),
      options: [
        { value: 'open', label: label('Open') },
        { value: 'lost', label: label('Lost') },
      ],
    },
  ],
};
const app: AppDocument = { id: 'crm', label: label('CRM'), objects: [customer, deal] };

/** As GET record answers (docs/api-contract.md): the related customer's name in `_display`. */
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
  name: 'Cloud data platform',
  customer: CUSTOMER_ID,
  stage: 'open',
  _display: { customer: 'Hangzhou Yunqi Tech' },
};

/** The server as the drawer meets it: the record and no draft. */
function fakeServer() {
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      if (method === 'GET' && url.endsWith('/records/d1')) return json(stored);
      if (method === 'GET' && url.endsWith('/drafts')) return json([]);
      return new Response(null, { status: 204 });
    }),
  );
}

function openDrawer(target: Exclude<DrawerTarget, null>) {
  const access: ObjectAccess = { actions: ['create', 'read', 'update'], hiddenFields: [], readOnlyFields: [] };
  useCurrentAppStore.setState({ appId: 'crm', status: 'ready', version: 1, document: app, access: { deal: access } });
  render(
    <App>
      <RecordDrawer appId="crm" object={deal} target={target} onClose={() => undefined} onSaved={() => undefined} onDeleted={() => undefined} />
    </App>,
  );
}

/** What the customer select shows as its chosen item (antd puts it beside the search input). */
function shownCustomer(): string | null {
  return document.querySelector('#record-form_customer')?.closest('.ant-select-content')?.textContent ?? null;
}

beforeEach(() => {
  useSessionStore.getState().setLocale('en');
  fakeServer();
});
afterEach(() => vi.unstubAllGlobals());

describe('the record drawer naming a related record', () => {
  // The drawer's widgets are preloaded while the page is idle (lazy-record-drawer.tsx), so the
  // select usually mounts in the same render as the record, before the form store holds its value.
  it('shows the customer’s name, not its id, when the widgets are already loaded', async () => {
    await loadWidgets();
    openDrawer({ mode: 'edit', recordId: 'd1' });
    await waitFor(() => expect(shownCustomer()).toBe('Hangzhou Yunqi Tech'));
    expect(screen.queryByText(CUSTOMER_ID)).toBeNull();
  });

  it('shows it too when the drawer opens to complete a refused Kanban move', async () => {
    await loadWidgets();
    openDrawer({
      mode: 'edit',
      recordId: 'd1',
      preset: { values: { stage: 'lost' }, problem: null, notice: 'Moving the card to “Lost” needs a few more details.' },
    });
    await screen.findByTestId('record-preset-notice');
    await waitFor(() => expect(shownCustomer()).toBe('Hangzhou Yunqi Tech'));
    expect(screen.queryByText(CUSTOMER_ID)).toBeNull();
  });
});
