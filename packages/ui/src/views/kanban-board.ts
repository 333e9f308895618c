import type { Locale } from '@tessera/i18n';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { errorMessage } from '../api/error-message';
import { ApiError, fieldErrorsOf } from '../api/problem';
import type { RecordData, RecordFilter, RecordList } from '../api/types';
import { localized } from '../i18n/localized';
import type { Translate } from '../i18n/messages';

/** The "(empty)" column. Option values are at least one character long, so '' is never an option. */
export const EMPTY_COLUMN = '';

export interface KanbanColumn {
  key: string;
  /** null for the "(empty)" column: the label comes from the UI catalog. */
  label: string | null;
  color: string | undefined;
}

/** One column per option of the select field, in the admin's order, then "(empty)". */
export function kanbanColumns(field: FieldDefinition, locale: Locale): KanbanColumn[] {
  const options = (field.options ?? []).map((o): KanbanColumn => ({ key: o.value, label: localized(o.label, locale, o.value), color: o.color }));
  return [...options, { key: EMPTY_COLUMN, label: null, color: undefined }];
}

/** The filter that loads one column's cards. */
export function columnFilter(fieldId: string, key: string): RecordFilter {
  return key === EMPTY_COLUMN ? { field: fieldId, op: 'is_empty' } : { field: fieldId, op: 'eq', value: key };
}

/** The value a card dropped on a column gets. */
export function columnValue(key: string): string | null {
  return key === EMPTY_COLUMN ? null : key;
}

/** Where a record belongs; a value that is no longer an option belongs to no column. */
export function columnOf(record: RecordData, field: FieldDefinition): string | null {
  const value = record[field.id];
  if (value === null || value === undefined || value === '') return EMPTY_COLUMN;
  return typeof value === 'string' && field.options?.some((o) => o.value === value) ? value : null;
}

const CARD_TYPE_ORDER = ['currency', 'relation', 'date', 'datetime', 'number', 'user', 'percent'] as const;
const MAX_CARD_FIELDS = 3;

/**
 * What a card shows under its title: the amount, who it is for and when, the facts a sales
 * rep scans a pipeline for. One field per kind, in that order, at most three.
 */
export function cardFields(object: ObjectDefinition, groupFieldId: string): FieldDefinition[] {
  const candidates = object.fields.filter((f) => f.id !== groupFieldId && f.id !== object.displayField);
  const picked: FieldDefinition[] = [];
  for (const type of CARD_TYPE_ORDER) {
    const field = candidates.find((f) => f.type === type && !picked.includes(f));
    if (field && picked.length < MAX_CARD_FIELDS) picked.push(field);
  }
  return picked;
}

export interface ColumnState {
  status: 'loading' | 'ready' | 'failed';
  items: RecordData[];
  total: number | null;
  /** The server's sum of the board's amount field over every card of the column the reader may read. */
  sum: string | null;
  nextCursor: string | null;
  loadingMore: boolean;
  error: unknown;
}

/** A move the server has not confirmed yet, with what it takes to put the card back. */
export interface PendingMove {
  from: string;
  to: string;
  index: number;
  before: RecordData;
}

export interface BoardState {
  columns: Record<string, ColumnState>;
  pending: Record<string, PendingMove>;
}

export type BoardAction =
  | { type: 'reset'; keys: string[] }
  | { type: 'loaded'; key: string; page: RecordList; sum: string | null }
  | { type: 'totals'; key: string; total: number | null; sum: string | null }
  | { type: 'failed'; key: string; error: unknown }
  | { type: 'loadingMore'; key: string }
  | { type: 'appended'; key: string; page: RecordList }
  | { type: 'moveStarted'; id: string; to: string; fieldId: string }
  | { type: 'moveConfirmed'; id: string; record: RecordData; field: FieldDefinition }
  | { type: 'moveFailed'; id: string }
  | { type: 'upsert'; record: RecordData; field: FieldDefinition }
  | { type: 'remove'; id: string };

const emptyColumn: ColumnState = { status: 'loading', items: [], total: null, sum: null, nextCursor: null, loadingMore: false, error: null };

export function initialBoard(keys: string[]): BoardState {
  return { columns: Object.fromEntries(keys.map((k) => [k, emptyColumn])), pending: {} };
}

function adjust(total: number | null, delta: number): number | null {
  return total === null ? null : Math.max(0, total + delta);
}

function withColumn(state: BoardState, key: string, change: (c: ColumnState) => ColumnState): BoardState {
  const column = state.columns[key];
  return column ? { ...state, columns: { ...state.columns, [key]: change(column) } } : state;
}

/** Takes a record out of whichever column holds it (it holds at most one). */
function without(state: BoardState, id: string): BoardState {
  const columns: Record<string, ColumnState> = {};
  for (const [key, column] of Object.entries(state.columns)) {
    const kept = column.items.filter((r) => r.id !== id);
    columns[key] = kept.length === column.items.length ? column : { ...column, items: kept, total: adjust(column.total, -1) };
  }
  return { ...state, columns };
}

function placed(state: BoardState, key: string | null, record: RecordData, index = 0): BoardState {
  if (key === null) return state;
  return withColumn(state, key, (c) => {
    const items = [...c.items];
    items.splice(Math.min(index, items.length), 0, record);
    return { ...c, items, total: adjust(c.total, 1) };
  });
}

function omit<T>(map: Record<string, T>, id: string): Record<string, T> {
  return Object.fromEntries(Object.entries(map).filter(([key]) => key !== id));
}

function findCard(state: BoardState, id: string): { key: string; index: number; record: RecordData } | null {
  for (const [key, column] of Object.entries(state.columns)) {
    const index = column.items.findIndex((r) => r.id === id);
    const record = column.items[index];
    if (record) return { key, index, record };
  }
  return null;
}

/**
 * The board as the user sees it. A move shows at once (optimistic) and remembers where the card
 * came from, so a refusal puts it back exactly where it was, at its old version.
 */
export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'reset':
      return initialBoard(action.keys);
    case 'loaded':
      return withColumn(state, action.key, () => ({
        ...emptyColumn,
        status: 'ready',
        items: action.page.items,
        total: action.page.total,
        sum: action.sum,
        nextCursor: action.page.nextCursor,
      }));
    case 'totals':
      return withColumn(state, action.key, (c) => ({ ...c, total: action.total, sum: action.sum }));
    case 'failed':
      return withColumn(state, action.key, (c) =>
        c.status === 'ready' ? { ...c, loadingMore: false, error: action.error } : { ...c, status: 'failed', error: action.error },
      );
    case 'loadingMore':
      return withColumn(state, action.key, (c) => ({ ...c, loadingMore: true, error: null }));
    case 'appended':
      return withColumn(state, action.key, (c) => {
        // A card moved in while the page was on its way must not show twice.
        const known = new Set(c.items.map((r) => r.id));
        const fresh = action.page.items.filter((r) => !known.has(r.id));
        return { ...c, loadingMore: false, items: [...c.items, ...fresh], nextCursor: action.page.nextCursor };
      });
    case 'moveStarted': {
      const card = findCard(state, action.id);
      if (!card || card.key === action.to || state.pending[action.id]) return state;
      const moved = { ...card.record, [action.fieldId]: columnValue(action.to) };
      const next = placed(without(state, action.id), action.to, moved);
      return { ...next, pending: { ...next.pending, [action.id]: { from: card.key, to: action.to, index: card.index, before: card.record } } };
    }
    case 'moveConfirmed': {
      const pending = omit(state.pending, action.id);
      // The server may have set other values (rules, formulas): its record replaces ours.
      return { ...placed(without(state, action.id), columnOf(action.record, action.field), action.record), pending };
    }
    case 'moveFailed': {
      const move = state.pending[action.id];
      if (!move) return state;
      const pending = omit(state.pending, action.id);
      return { ...placed(without(state, action.id), move.from, move.before, move.index), pending };
    }
    case 'upsert': {
      const card = findCard(state, action.record.id);
      const key = columnOf(action.record, action.field);
      if (card && card.key === key) {
        return withColumn(state, key, (c) => ({ ...c, items: c.items.map((r) => (r.id === action.record.id ? action.record : r)) }));
      }
      return placed(without(state, action.record.id), key, action.record);
    }
    case 'remove':
      return without(state, action.id);
  }
}

/** The server's words for a refused move, in the user's language (it answers per Accept-Language). */
export function moveErrorMessage(error: unknown, fieldId: string, t: Translate): string {
  if (error instanceof ApiError && error.status === 409) return t('kanban.conflict');
  if (error instanceof ApiError && error.status === 422) {
    const { byField, general } = fieldErrorsOf(error.problem);
    // The field being moved first; then anything else the rules refused (another required field).
    const messages = [...(byField[fieldId] ?? []), ...Object.values(byField).flat(), ...general];
    const unique = [...new Set(messages)];
    if (unique.length > 0) return unique.join(' ');
  }
  return errorMessage(error, t);
}
