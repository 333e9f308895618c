import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import { ApiError } from '../api/problem';
import type { RecordData } from '../api/types';
import { formOf } from '../form-runtime/form-rules';
import { formApi } from '../form-runtime/runtime-api';
import { useT } from '../i18n/use-t';
import { defaultSort } from '../objects/list-columns';
import type { DrawerPreset } from '../objects/use-drawer-target';
import { useAppDocument } from '../stores/document-source';
import { useSessionStore } from '../stores/session-store';
import { boardReducer, columnFilter, columnValue, initialBoard, kanbanColumns, moveErrorMessage } from './kanban-board';
import { completableRefusal, movePreset } from './refused-move';

const COLUMN_PAGE_SIZE = 20;

/**
 * A kanban board over one select field: each column loads its own cards (keyset "load more"
 * per column) and a move is a PATCH of that one value through the object's form, so it meets
 * the same validation, form rules and permissions as an edit in the drawer (a deal dragged to
 * "lost" still needs its reason). Shown at once, rolled back when refused; a refusal the user can
 * answer in the form goes to `onComplete`, which opens the record with the move preset, and the
 * card follows when that save lands (the page hands it back as a RecordChange).
 */
export function useKanbanBoard(appId: string, object: ObjectDefinition, field: FieldDefinition, onComplete: (recordId: string, preset: DrawerPreset) => void) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { message } = App.useApp();
  const columns = useMemo(() => kanbanColumns(field, locale), [field, locale]);
  // Keys depend on the field only: switching language must not reload the board.
  const keys = useMemo(() => kanbanColumns(field, 'en').map((c) => c.key), [field]);
  const sort = useMemo(() => defaultSort(object), [object]);
  const document = useAppDocument();
  const formId = useMemo(() => (document ? (formOf(document, object)?.id ?? null) : null), [document, object]);
  const [state, dispatch] = useReducer(boardReducer, keys, initialBoard);
  const [attempt, setAttempt] = useState(0);
  const requests = useRef(new Set<AbortController>());

  const query = useCallback(
    (key: string, cursor?: string) => {
      const controller = new AbortController();
      requests.current.add(controller);
      const body = { filters: [columnFilter(field.id, key)], sort, limit: COLUMN_PAGE_SIZE, ...(cursor ? { cursor } : { count: true }) };
      return api.queryRecords(appId, object.id, body, controller.signal).finally(() => requests.current.delete(controller));
    },
    [appId, object.id, field.id, sort],
  );

  useEffect(() => {
    const running = requests.current;
    dispatch({ type: 'reset', keys });
    for (const key of keys) {
      query(key).then(
        (page) => dispatch({ type: 'loaded', key, page }),
        (error: unknown) => {
          if (!isAbort(error)) dispatch({ type: 'failed', key, error });
        },
      );
    }
    return () => {
      for (const controller of running) controller.abort();
      running.clear();
    };
  }, [keys, query, attempt]);

  const loadMore = useCallback(
    (key: string) => {
      const column = state.columns[key];
      if (!column?.nextCursor || column.loadingMore) return;
      dispatch({ type: 'loadingMore', key });
      query(key, column.nextCursor).then(
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
    (record: RecordData, to: string) => {
      if (state.pending[record.id]) return;
      dispatch({ type: 'moveStarted', id: record.id, to, fieldId: field.id });
      formApi.updateRecord(appId, object.id, formId, record.id, record.version, { [field.id]: columnValue(to) }).then(
        (saved) => dispatch({ type: 'moveConfirmed', id: record.id, record: saved, field }),
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
    [appId, object.id, formId, field, columns, state.pending, message, t, refetch, onComplete],
  );

  return {
    columns,
    state,
    loadMore,
    move,
    upsert: useCallback((record: RecordData) => dispatch({ type: 'upsert', record, field }), [field]),
    remove: useCallback((id: string) => dispatch({ type: 'remove', id }), []),
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
