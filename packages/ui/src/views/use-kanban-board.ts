import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import { ApiError } from '../api/problem';
import type { RecordData, RecordFilter, RecordSort } from '../api/types';
import { formOf } from '../form-runtime/form-rules';
import { formApi } from '../form-runtime/runtime-api';
import { useT } from '../i18n/use-t';
import type { DrawerPreset } from '../objects/use-drawer-target';
import { useMyRoleIds } from '../stores/auth-store';
import { useAppDocument } from '../stores/document-source';
import { useSessionStore } from '../stores/session-store';
import { boardReducer, columnFilter, columnValue, initialBoard, kanbanColumns, moveErrorMessage } from './kanban-board';
import { completableRefusal, movePreset } from './refused-move';

const COLUMN_PAGE_SIZE = 30;

/** What the board shows: the list's filters (search included), the chosen order, the field each column adds up. */
export interface BoardQuery {
  filters: RecordFilter[];
  sort: RecordSort[];
  sumField: FieldDefinition | null;
}

/**
 * A kanban board over one select field: each column loads its own cards (keyset "load more"
 * per column) under the board's filters and order, with its count and total from the server,
 * and a move is a PATCH of that one value through the object's form, so it meets the same
 * validation, form rules and permissions as an edit in the drawer (a deal dragged to "lost"
 * still needs its reason). Shown at once, rolled back when refused; a refusal the user can
 * answer in the form goes to `onComplete`, which opens the record with the move preset, and the
 * card follows when that save lands (the page hands it back as a RecordChange).
 */
export function useKanbanBoard(
  appId: string,
  object: ObjectDefinition,
  field: FieldDefinition,
  board: BoardQuery | null,
  onComplete: (recordId: string, preset: DrawerPreset) => void,
) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { message } = App.useApp();
  const columns = useMemo(() => kanbanColumns(field, locale), [field, locale]);
  // Keys depend on the field only: switching language must not reload the board.
  const keys = useMemo(() => kanbanColumns(field, 'en').map((c) => c.key), [field]);
  const document = useAppDocument();
  const roleIds = useMyRoleIds(appId);
  const formId = useMemo(() => (document ? (formOf(document, object, roleIds)?.id ?? null) : null), [document, object, roleIds]);
  const [state, dispatch] = useReducer(boardReducer, keys, initialBoard);
  const [attempt, setAttempt] = useState(0);
  const requests = useRef(new Set<AbortController>());

  const query = useCallback(
    (key: string, page: { cursor?: string; limit?: number } = {}) => {
      if (!board) return Promise.reject(new Error('the board is not ready'));
      const controller = new AbortController();
      requests.current.add(controller);
      const sums = board.sumField ? [board.sumField.id] : [];
      const first = page.cursor ? { cursor: page.cursor } : { count: true, sums };
      const body = { filters: [...board.filters, columnFilter(field.id, key)], sort: board.sort, limit: page.limit ?? COLUMN_PAGE_SIZE, ...first };
      return api.queryRecords(appId, object.id, body, controller.signal).finally(() => requests.current.delete(controller));
    },
    [appId, object.id, field.id, board],
  );
  const sumOf = useCallback((sums: Record<string, string> | undefined) => (board?.sumField ? (sums?.[board.sumField.id] ?? null) : null), [board]);

  useEffect(() => {
    const running = requests.current;
    dispatch({ type: 'reset', keys });
    if (!board) return;
    for (const key of keys) {
      query(key).then(
        (page) => dispatch({ type: 'loaded', key, page, sum: sumOf(page.sums) }),
        (error: unknown) => {
          if (!isAbort(error)) dispatch({ type: 'failed', key, error });
        },
      );
    }
    return () => {
      for (const controller of running) controller.abort();
      running.clear();
    };
  }, [keys, board, query, sumOf, attempt]);

  /** Counts and totals read again after a change: the server's, never added up from the cards loaded. */
  const refreshTotals = useCallback(
    (changed: readonly string[] = keys) => {
      for (const key of changed) {
        query(key, { limit: 1 }).then(
          (page) => dispatch({ type: 'totals', key, total: page.total, sum: sumOf(page.sums) }),
          () => undefined, // the column keeps its last figures; the next change or reload reads them again
        );
      }
    },
    [keys, query, sumOf],
  );

  const loadMore = useCallback(
    (key: string) => {
      const column = state.columns[key];
      if (!column?.nextCursor || column.loadingMore) return;
      dispatch({ type: 'loadingMore', key });
      query(key, { cursor: column.nextCursor }).then(
        (page) => dispatch({ type: 'appended', key, page }),
        (error: unknown) => {
          if (!isAbort(error)) dispatch({ type: 'failed', key, error });
        },
      );
    },
    [state.columns, query],
  );

  /** A refused card goes back; after a 409 it is fetched again, so the next move uses its new version. */
  const refetch = useCallback(
    (id: string) => {
      api.getRecord(appId, object.id, id).then(
        (record) => dispatch({ type: 'upsert', record, field }),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 404) dispatch({ type: 'remove', id });
        },
      );
    },
    [appId, object.id, field],
  );

  const move = useCallback(
    (record: RecordData, from: string, to: string) => {
      if (state.pending[record.id]) return;
      dispatch({ type: 'moveStarted', id: record.id, to, fieldId: field.id });
      formApi.updateRecord(appId, object.id, formId, record.id, record.version, { [field.id]: columnValue(to) }).then(
        (saved) => {
          dispatch({ type: 'moveConfirmed', id: record.id, record: saved, field });
          refreshTotals([from, to]);
        },
        (error: unknown) => {
          dispatch({ type: 'moveFailed', id: record.id });
          const refusal = completableRefusal(error, field.id);
          if (refusal) {
            const column = columns.find((c) => c.key === to);
            const notice = t('kanbanMove.complete', { column: column?.label ?? t('kanban.empty') });
            onComplete(record.id, movePreset(field.id, columnValue(to), refusal, notice));
            return;
          }
          void message.error(moveErrorMessage(error, field.id, t));
          if (error instanceof ApiError && (error.status === 409 || error.status === 404)) refetch(record.id);
        },
      );
    },
    [appId, object.id, formId, field, columns, state.pending, message, t, refetch, onComplete, refreshTotals],
  );

  return {
    columns,
    state,
    loadMore,
    move,
    upsert: useCallback(
      (record: RecordData) => {
        dispatch({ type: 'upsert', record, field });
        refreshTotals();
      },
      [field, refreshTotals],
    ),
    remove: useCallback(
      (id: string) => {
        dispatch({ type: 'remove', id });
        refreshTotals();
      },
      [refreshTotals],
    ),
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
