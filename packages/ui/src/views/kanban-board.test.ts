import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import type { RecordData } from '../api/types';
import { loadLocale } from '../i18n/locale-loaders';
import { type Translate, translate } from '../i18n/messages';
import { type BoardState, boardReducer, cardFields, columnFilter, columnOf, EMPTY_COLUMN, initialBoard, kanbanColumns, moveErrorMessage } from './kanban-board';

// Translations come from the catalogue chunks, loaded as the app loads them before its first render.
beforeAll(async () => {
  await loadLocale('en');
  await loadLocale('zh-CN');
});

const stage: FieldDefinition = {
  id: 'stage',
  type: 'select',
  label: { en: 'Stage', 'zh-CN': '阶段' },
  required: true,
  options: [
    { value: 'lead', label: { en: 'Lead', 'zh-CN': '线索' }, color: '#1677ff' },
    { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } },
  ],
};

const opportunity: ObjectDefinition = {
  id: 'opportunity',
  label: { en: 'Opportunity' },
  displayField: 'name',
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' } },
    stage,
    { id: 'note', type: 'long_text', label: { en: 'Note' } },
    { id: 'close_date', type: 'date', label: { en: 'Close date' } },
    { id: 'customer', type: 'relation', target: 'customer', label: { en: 'Customer' } },
    { id: 'amount', type: 'currency', label: { en: 'Amount' } },
  ],
};

function card(id: string, stageValue: string | null, version = 1): RecordData {
  return {
    id,
    version,
    owner_id: null,
    department_id: null,
    created_at: '',
    created_by: null,
    updated_at: '',
    updated_by: null,
    deleted_at: null,
    stage: stageValue,
  };
}

function loadedBoard(): BoardState {
  let state = initialBoard(['lead', 'won', EMPTY_COLUMN]);
  state = boardReducer(state, {
    type: 'loaded',
    key: 'lead',
    page: { items: [card('a', 'lead'), card('b', 'lead'), card('c', 'lead')], total: 3, totalIsEstimate: false, nextCursor: null },
    sum: null,
  });
  state = boardReducer(state, {
    type: 'loaded',
    key: 'won',
    page: { items: [card('w', 'won')], total: 1, totalIsEstimate: false, nextCursor: 'x' },
    sum: null,
  });
  return boardReducer(state, { type: 'loaded', key: EMPTY_COLUMN, page: { items: [], total: 0, totalIsEstimate: false, nextCursor: null }, sum: null });
}

const ids = (state: BoardState, key: string) => state.columns[key]?.items.map((r) => r.id);

describe('kanban grouping', () => {
  it('has a column per option in the reader’s language, then (empty)', () => {
    expect(kanbanColumns(stage, 'zh-CN')).toEqual([
      { key: 'lead', label: '线索', color: '#1677ff' },
      { key: 'won', label: '赢单', color: undefined },
      { key: EMPTY_COLUMN, label: null, color: undefined },
    ]);
    expect(columnFilter('stage', 'won')).toEqual({ field: 'stage', op: 'eq', value: 'won' });
    expect(columnFilter('stage', EMPTY_COLUMN)).toEqual({ field: 'stage', op: 'is_empty' });
  });

  it('puts a record in its option’s column, blank in (empty), a retired option nowhere', () => {
    expect(columnOf(card('a', 'won'), stage)).toBe('won');
    expect(columnOf(card('a', null), stage)).toBe(EMPTY_COLUMN);
    expect(columnOf(card('a', 'lost_long_ago'), stage)).toBeNull();
  });

  it('shows amount, customer and a date on a card', () => {
    expect(cardFields(opportunity, 'stage').map((f) => f.id)).toEqual(['amount', 'customer', 'close_date']);
  });
});

describe('optimistic moves', () => {
  it('moves at once and keeps the server’s record when confirmed', () => {
    let state = boardReducer(loadedBoard(), { type: 'moveStarted', id: 'b', to: 'won', fieldId: 'stage' });
    expect(ids(state, 'lead')).toEqual(['a', 'c']);
    expect(ids(state, 'won')).toEqual(['b', 'w']);
    expect(state.columns.won?.items[0]?.stage).toBe('won');
    expect(state.columns.lead?.total).toBe(2);
    expect(state.columns.won?.total).toBe(2);
    state = boardReducer(state, { type: 'moveConfirmed', id: 'b', record: card('b', 'won', 2), field: stage });
    expect(ids(state, 'won')).toEqual(['b', 'w']);
    expect(state.columns.won?.items[0]?.version).toBe(2);
    expect(state.pending).toEqual({});
  });

  it('puts a refused card back where it was, at its old version and value', () => {
    const before = loadedBoard();
    let state = boardReducer(before, { type: 'moveStarted', id: 'b', to: EMPTY_COLUMN, fieldId: 'stage' });
    expect(state.columns[EMPTY_COLUMN]?.items[0]?.stage).toBeNull();
    state = boardReducer(state, { type: 'moveFailed', id: 'b' });
    expect(state.columns).toEqual(before.columns);
    expect(state.pending).toEqual({});
  });

  it('ignores a second move of a card still on its way, and a drop on its own column', () => {
    const moving = boardReducer(loadedBoard(), { type: 'moveStarted', id: 'a', to: 'won', fieldId: 'stage' });
    expect(boardReducer(moving, { type: 'moveStarted', id: 'a', to: EMPTY_COLUMN, fieldId: 'stage' })).toBe(moving);
    const board = loadedBoard();
    expect(boardReducer(board, { type: 'moveStarted', id: 'a', to: 'lead', fieldId: 'stage' })).toBe(board);
  });

  it('places a confirmed record by the value the server kept', () => {
    let state = boardReducer(loadedBoard(), { type: 'moveStarted', id: 'a', to: 'won', fieldId: 'stage' });
    state = boardReducer(state, { type: 'moveConfirmed', id: 'a', record: card('a', 'lead', 2), field: stage });
    expect(ids(state, 'lead')).toEqual(['a', 'b', 'c']);
    expect(ids(state, 'won')).toEqual(['w']);
  });

  it('a page loaded after a move does not show the moved card twice', () => {
    let state = boardReducer(loadedBoard(), { type: 'moveStarted', id: 'a', to: 'won', fieldId: 'stage' });
    state = boardReducer(state, {
      type: 'appended',
      key: 'won',
      page: { items: [card('a', 'won'), card('z', 'won')], total: null, totalIsEstimate: false, nextCursor: null },
    });
    expect(ids(state, 'won')).toEqual(['a', 'w', 'z']);
  });

  it('a drawer save moves the card to its new column; a delete removes it', () => {
    let state = boardReducer(loadedBoard(), { type: 'upsert', record: card('c', 'won', 2), field: stage });
    expect(ids(state, 'won')).toEqual(['c', 'w']);
    state = boardReducer(state, { type: 'upsert', record: { ...card('c', 'won', 3), name: 'renamed' }, field: stage });
    expect(state.columns.won?.items[0]?.name).toBe('renamed');
    state = boardReducer(state, { type: 'remove', id: 'c' });
    expect(ids(state, 'won')).toEqual(['w']);
    expect(state.columns.won?.total).toBe(1);
  });
});

describe('refused moves', () => {
  const t: Translate = (key, params) => translate('en', key, params);

  it('says what the server said about the fields, the moved field first', () => {
    const refusal = new ApiError(422, 'record.invalid', {
      title: 'Invalid',
      status: 422,
      errors: [
        { field: 'amount', code: 'field.required', message: '"Amount" is required' },
        { pointer: '/values/stage', code: 'field.required', message: '"Stage" is required' },
      ],
    });
    expect(moveErrorMessage(refusal, 'stage', t)).toBe('"Stage" is required "Amount" is required');
  });

  it('explains a conflict in our words and a refusal in the server’s', () => {
    expect(moveErrorMessage(new ApiError(409, 'record.version_conflict', { title: 'Conflict', status: 409 }), 'stage', t)).toContain('Someone else changed');
    const forbidden = new ApiError(403, 'record.forbidden', { title: 'Forbidden', status: 403, detail: '你没有权限修改“商机”' });
    expect(moveErrorMessage(forbidden, 'stage', t)).toBe('你没有权限修改“商机”');
  });
});
