import type { ObjectDefinition } from '@tessera/schemas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavedView } from '../api/types';
import { filterableFields } from './filter-fields';
import {
  type ListViewScope,
  moveColumn,
  presetViews,
  readRememberedView,
  rememberView,
  sameState,
  savedViewOptions,
  toggleColumn,
  usableState,
} from './view-state';

const deal: ObjectDefinition = {
  id: 'deal',
  label: { en: 'Deal' },
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' } },
    { id: 'stage', type: 'select', label: { en: 'Stage' }, options: [{ value: 'won', label: { en: 'Won' } }] },
    { id: 'amount', type: 'currency', label: { en: 'Amount' } },
    { id: 'files', type: 'attachment', label: { en: 'Files' } },
  ],
};

const scope: ListViewScope = {
  filterable: filterableFields(deal, { actions: ['read'], hiddenFields: [], readOnlyFields: [] }, []),
  cellFields: deal.fields,
  defaultColumns: ['name', 'stage', 'amount', 'files'],
  sortable: new Set(['name', 'stage', 'amount', 'created_at', 'updated_at']),
};

describe('list view state', () => {
  it('drops from a stored view what can no longer be used, and falls back to the defaults', () => {
    const stored = {
      filters: [
        { field: 'stage', op: 'in' as const, value: ['won'] },
        { field: 'gone', op: 'eq' as const, value: 1 },
      ],
      sort: [{ field: 'files', direction: 'asc' as const }],
      columns: ['gone', 'amount', 'amount'],
      search: 'acme',
      columnWidths: { amount: 300, gone: 200 },
      cardOrder: { field: 'gone', direction: 'asc' as const },
    };
    expect(usableState(stored, scope)).toEqual({
      filters: [{ field: 'stage', op: 'in', value: ['won'] }],
      sort: [{ field: 'created_at', direction: 'desc' }],
      columns: ['amount'],
      search: 'acme',
      columnWidths: { amount: 300 },
      cardOrder: null,
    });
    expect(usableState({ cardOrder: { field: 'amount', direction: 'desc' } }, scope).cardOrder).toEqual({ field: 'amount', direction: 'desc' });
    expect(usableState({ columns: ['gone'] }, scope).columns).toEqual(scope.defaultColumns);
  });

  it('offers the designer views, else one "all records" view, then the user views', () => {
    expect(presetViews(deal, scope).map((v) => v.key)).toEqual(['preset:']);
    const designed = {
      ...deal,
      views: [{ id: 'open', label: { en: 'Open deals' }, filters: [{ field: 'stage', op: 'ne' as const, value: 'won' }], sort: [{ field: 'amount' }] }],
    };
    const [open] = presetViews(designed, scope);
    expect(open).toMatchObject({ key: 'preset:open', kind: 'preset', label: { en: 'Open deals' } });
    expect(open?.state.sort).toEqual([{ field: 'amount', direction: 'asc' }]);
    expect(open).toMatchObject({ layout: null });
    const saved: SavedView[] = [
      { id: 'v1', name: 'Big ones', filters: [{ field: 'amount', op: 'gt', value: '1000' }], sort: [], columns: ['name'], updatedAt: '2026-01-01T00:00:00Z' },
    ];
    expect(savedViewOptions(saved, scope)).toEqual([
      {
        key: 'mine:v1',
        kind: 'mine',
        name: 'Big ones',
        savedId: 'v1',
        // Saved before views kept their search and widths: none of either.
        state: {
          filters: [{ field: 'amount', op: 'gt', value: '1000' }],
          sort: [{ field: 'created_at', direction: 'desc' }],
          columns: ['name'],
          search: '',
          columnWidths: {},
          cardOrder: null,
        },
      },
    ]);
  });

  it('knows when the list no longer shows the view as saved', () => {
    const state = usableState({}, scope);
    expect(sameState(state, { ...state })).toBe(true);
    expect(sameState(state, { ...state, columns: ['name'] })).toBe(false);
    expect(sameState(state, { ...state, filters: [{ field: 'name', op: 'is_empty' }] })).toBe(false);
    expect(sameState(state, { ...state, search: 'acme' })).toBe(false);
    expect(sameState(state, { ...state, columnWidths: { name: 320 } })).toBe(false);
    expect(sameState(state, { ...state, cardOrder: { field: 'amount', direction: 'desc' } })).toBe(false);
    expect(sameState({ ...state, columnWidths: { name: 320 } }, { ...state, columnWidths: { name: 320 } })).toBe(true);
  });

  it('moves, hides and shows columns, keeping at least one', () => {
    expect(moveColumn(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveColumn(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(toggleColumn(['files', 'name'], 'stage', true)).toEqual(['files', 'name', 'stage']);
    expect(toggleColumn(['files', 'name'], 'name', true)).toEqual(['files', 'name']);
    expect(toggleColumn(['name', 'files'], 'name', false)).toEqual(['files']);
    expect(toggleColumn(['files'], 'files', false)).toEqual(['files']);
  });
});

describe('the remembered view', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is kept per app and object in local storage', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('window', { localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) } });
    rememberView('crm', 'deal', 'mine:v1');
    expect(readRememberedView('crm', 'deal')).toBe('mine:v1');
    expect(readRememberedView('crm', 'customer')).toBeNull();
  });

  it('is simply forgotten where storage is blocked', () => {
    vi.stubGlobal('window', {
      localStorage: {
        getItem: () => {
          throw new Error('blocked');
        },
        setItem: () => {
          throw new Error('blocked');
        },
      },
    });
    expect(() => rememberView('crm', 'deal', 'preset:')).not.toThrow();
    expect(readRememberedView('crm', 'deal')).toBeNull();
  });
});
