import type { ObjectDefinition } from '@tessera/schemas';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session-store';
import { RelationSelect } from './relation-select';
import type { RelationOption } from './use-relation-search';

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer' },
  displayField: 'name',
  fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }],
};
const YUNQI = '952b960a-a301-4c1e-9d2b-6f1f3c0a7e11';
const HARBOUR = '0f6c2a44-5b1d-4e8e-a0a3-2d9c8b7e6f55';
const NAMES: Record<string, string> = { [YUNQI]: 'Hangzhou Yunqi Tech', [HARBOUR]: 'Ningbo Harbour Trading' };

const GONE = '7d1e0b2c-3f4a-4b5c-8d6e-9f0a1b2c3d4e';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const calls: { method: string; url: string }[] = [];
const gets = () => calls.filter((c) => c.method === 'GET').map((c) => c.url);

/**
 * The routes the select asks, as the server answers them: the list route (customers whose name
 * contains the typed text), and one record by id (404 for one the user may not see).
 */
function fakeServer() {
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url });
      if (method === 'GET') {
        const id = url.split('/').pop() ?? '';
        const name = NAMES[id];
        return name ? json({ id, version: 1, name }) : json({ title: 'Not found', status: 404, code: 'record.not_found' }, 404);
      }
      const query = JSON.parse(String(init.body)) as { filters: { value: string }[] };
      const text = query.filters[0]?.value ?? '';
      const items = Object.entries(NAMES)
        .filter(([, name]) => name.includes(text))
        .map(([id, name]) => ({ id, version: 1, name }));
      return json({ items, nextCursor: null, total: { value: items.length, exact: true } });
    }),
  );
}

/** Holds the value as the form store does. */
function Harness({ initial, named }: { initial: string | null; named: RelationOption | null }) {
  const [value, setValue] = useState(initial);
  return <RelationSelect appId="crm" target={customer} named={named} id="customer" value={value} onChange={setValue} />;
}

/** The select gets its record's name at once and its value on a click of 'fill', as from a form store filled after the first render. */
function Late() {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <RelationSelect appId="crm" target={customer} named={{ value: YUNQI, label: 'Hangzhou Yunqi Tech' }} id="customer" value={value} onChange={setValue} />
      <button type="button" onClick={() => setValue(YUNQI)}>
        fill
      </button>
    </>
  );
}

const shown = () => document.querySelector('#customer')?.closest('.ant-select-content')?.textContent ?? null;
const input = () => document.querySelector<HTMLInputElement>('#customer') as HTMLInputElement;

beforeEach(() => {
  useSessionStore.getState().setLocale('en');
  fakeServer();
});
afterEach(() => vi.unstubAllGlobals());

describe('the relation select naming its value', () => {
  it('takes the name when it arrives after the value (a line named by the table, a record loaded late)', () => {
    const view = render(<Harness initial={YUNQI} named={null} />);
    expect(shown()).toBe(YUNQI);
    view.rerender(<Harness initial={YUNQI} named={{ value: YUNQI, label: NAMES[YUNQI] as string }} />);
    expect(shown()).toBe('Hangzhou Yunqi Tech');
  });

  it('takes the value when it arrives after the name (the form store filled after the first render)', () => {
    const view = render(<Late />);
    fireEvent.click(view.getByText('fill'));
    expect(shown()).toBe('Hangzhou Yunqi Tech');
  });

  it('keeps the name of a picked record after a later search that does not find it', async () => {
    render(<Harness initial={YUNQI} named={{ value: YUNQI, label: NAMES[YUNQI] as string }} />);
    fireEvent.mouseDown(input());
    fireEvent.change(input(), { target: { value: 'Harbour' } });
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-select-item-option')].find((o) => o.textContent === 'Ningbo Harbour Trading');
      if (!found) throw new Error('no option yet');
      return found;
    });
    fireEvent.click(option);
    expect(shown()).toBe('Ningbo Harbour Trading');

    // Another search whose results hold neither customer: the chosen one keeps its name.
    fireEvent.mouseDown(input());
    fireEvent.change(input(), { target: { value: 'Yunqi' } });
    await waitFor(() => expect([...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent)).toContain('Hangzhou Yunqi Tech'));
    await act(async () => {
      fireEvent.keyDown(input(), { key: 'Escape' });
    });
    fireEvent.blur(input());
    expect(shown()).toBe('Ningbo Harbour Trading');
  });

  it('fetches the name of a value nobody named (a resumed draft, a preset, a saved filter), once', async () => {
    // The loaded record pointed to Yunqi; the draft resumed over it holds Harbour.
    const view = render(<Harness initial={HARBOUR} named={{ value: YUNQI, label: NAMES[YUNQI] as string }} />);
    await waitFor(() => expect(shown()).toBe('Ningbo Harbour Trading'));
    view.rerender(<Harness initial={HARBOUR} named={{ value: YUNQI, label: NAMES[YUNQI] as string }} />);
    expect(gets()).toEqual([`/api/apps/crm/objects/customer/records/${HARBOUR}`]);
  });

  it('says the record is not available when the user may not see it, rather than showing its id', async () => {
    render(<Harness initial={GONE} named={null} />);
    await waitFor(() => expect(shown()).toBe('Record not available'));
    useSessionStore.getState().setLocale('zh-CN');
    await waitFor(() => expect(shown()).toBe('记录不存在或无权查看'));
  });

  it('fetches nothing for a value its caller names (the loaded record’s own value)', async () => {
    render(<Harness initial={YUNQI} named={{ value: YUNQI, label: NAMES[YUNQI] as string }} />);
    // A fetch would have started in the effects `render` ran; let any answer land before looking.
    await act(async () => {});
    expect(shown()).toBe('Hangzhou Yunqi Tech');
    expect(gets()).toEqual([]);
  });

  it('leaves the naming to a caller that names every value itself (the child table)', async () => {
    render(<RelationSelect appId="crm" target={customer} named={null} fetchName={false} id="customer" value={HARBOUR} />);
    // A fetch would have started in the effects `render` ran; let any answer land before looking.
    await act(async () => {});
    expect(gets()).toEqual([]);
    expect(shown()).toBe(HARBOUR);
  });
});
