import type { FieldDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useRef } from 'react';
import { toFieldValue } from '../records/form-values';
import type { FormStore } from './form-store';
import { formApi } from './runtime-api';

/**
 * On blur, asks the server whether a unique field's value is already used, and marks the field
 * if so. Typing is never blocked: the answer arrives later, and is dropped if the value changed
 * meanwhile (the store clears the mark on every edit).
 */
export function useUniqueCheck(appId: string, objectId: string, recordId: string | null, store: FormStore, fields: ReadonlyMap<string, FieldDefinition>) {
  const pending = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const requests = pending.current;
    return () => requests.forEach((c) => c.abort());
  }, []);

  return useCallback(
    (fieldId: string) => {
      const field = fields.get(fieldId);
      if (!field?.unique) return;
      const value = toFieldValue(field, store.getState().values[fieldId]);
      pending.current.get(fieldId)?.abort();
      if (value === null) return;
      const controller = new AbortController();
      pending.current.set(fieldId, controller);
      formApi.isTaken(appId, objectId, fieldId, value, recordId, controller.signal).then(
        ({ taken }) => {
          const now = toFieldValue(field, store.getState().values[fieldId]);
          if (JSON.stringify(now) === JSON.stringify(value)) store.getState().setTaken(fieldId, taken);
        },
        // Aborted or failed: the save still tells if the value is taken, no message needed here.
        () => undefined,
      );
    },
    [appId, objectId, recordId, store, fields],
  );
}
