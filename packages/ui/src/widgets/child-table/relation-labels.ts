import type { ObjectDefinition } from '@tessera/schemas';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { api } from '../../api/client';
import type { RecordData } from '../../api/types';
import { searchField } from '../../objects/list-columns';
import type { ChildRows } from './child-row';

/** Display text of related records, by id: lines carry bare ids (the server names relations of the record only). */
export type LabelStore = StoreApi<{ labels: Readonly<Record<string, string>> }>;

export function createLabelStore(): LabelStore {
  return createStore<{ labels: Readonly<Record<string, string>> }>()(() => ({ labels: {} }));
}

/** The list route's page limit. */
const PAGE = 500;

/** The ids a relation column holds across the lines, minus those already asked for. */
export function idsToName(rows: ChildRows, fieldId: string, asked: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    const id = row.values[fieldId];
    if (typeof id === 'string' && !asked.has(id)) ids.add(id);
  }
  return [...ids];
}

function labelOf(record: RecordData, displayField: string | null): string {
  const value = displayField ? record[displayField] : undefined;
  return typeof value === 'string' && value !== '' ? value : record.id;
}

/**
 * Names the records `ids` point to, 500 per request through the list route, so the caller's
 * access applies: a record they may not see keeps its bare id, as a relation cell does.
 */
export async function loadLabels(store: LabelStore, appId: string, target: ObjectDefinition, ids: readonly string[], signal: AbortSignal): Promise<void> {
  const displayField = searchField(target)?.id ?? null;
  for (let start = 0; start < ids.length; start += PAGE) {
    const chunk = ids.slice(start, start + PAGE);
    const page = await api.queryRecords(appId, target.id, { filters: [{ field: 'id', op: 'in', value: chunk }], limit: chunk.length }, signal);
    const found = Object.fromEntries(page.items.map((r) => [r.id, labelOf(r, displayField)]));
    store.setState((s) => ({ labels: { ...s.labels, ...found } }));
  }
}
