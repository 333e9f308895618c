import type { Locale } from '@tessera/i18n';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { RecordSort } from '../api/types';
import type { Translate } from '../i18n/messages';
import { filterFieldLabel } from '../list-view/field-label';

/** Fields a pipeline is ordered by: when it closes, how much it is worth. */
const ORDER_TYPES: ReadonlySet<string> = new Set(['date', 'datetime', 'currency', 'number', 'percent']);
const SYSTEM_ORDERS: readonly RecordSort[] = [
  { field: 'created_at', direction: 'desc' },
  { field: 'created_at', direction: 'asc' },
  { field: 'updated_at', direction: 'desc' },
];

export interface KanbanOrder {
  key: string;
  sort: RecordSort[];
  label: string;
}

export const orderKey = (sort: RecordSort): string => `${sort.field}:${sort.direction}`;

/** The sort an order's key stands for. */
export function sortOfKey(key: string): RecordSort[] {
  const [field = 'created_at', direction] = key.split(':');
  return [{ field, direction: direction === 'asc' ? 'asc' : 'desc' }];
}

/** The orders a board offers: each visible date or amount field both ways, then newest, oldest and last changed. */
export function kanbanOrders(object: ObjectDefinition, hidden: ReadonlySet<string>, locale: Locale, t: Translate): KanbanOrder[] {
  const fields = object.fields.filter((f) => ORDER_TYPES.has(f.type) && !hidden.has(f.id) && !f.encrypted);
  const sorts = [
    ...fields.flatMap((f): RecordSort[] => [
      { field: f.id, direction: 'asc' },
      { field: f.id, direction: 'desc' },
    ]),
    ...SYSTEM_ORDERS,
  ];
  const byId = new Map<string, FieldDefinition>(fields.map((f) => [f.id, f]));
  return sorts.map((sort) => ({
    key: orderKey(sort),
    sort: [sort],
    label: `${filterFieldLabel({ id: sort.field, field: byId.get(sort.field) ?? null }, locale, t)} ${sort.direction === 'asc' ? '↑' : '↓'}`,
  }));
}

/** The order the board shows: the first of `preferred` (the view's card order, else its sort) when the board offers it, else newest first. */
export function initialOrder(orders: readonly KanbanOrder[], preferred: readonly RecordSort[]): KanbanOrder {
  const first = preferred[0];
  return (first && orders.find((o) => o.key === orderKey(first))) ?? orders.find((o) => o.key === 'created_at:desc')!;
}
