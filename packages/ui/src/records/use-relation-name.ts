import type { ObjectDefinition } from '@tessera/schemas';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { isAbort } from '../api/http';
import { ApiError } from '../api/problem';
import type { RecordData } from '../api/types';

export interface RelationOption {
  value: string;
  label: string;
}

/** The related record's name: its display field, or its id when that is empty. */
export function relationLabel(record: RecordData, displayField: string | null): string {
  const value = displayField ? record[displayField] : undefined;
  return typeof value === 'string' && value !== '' ? value : record.id;
}

/** What the fetched name of a value is: a name, or none because the user may not see the record. */
export type FetchedName = { value: string; label: string } | { value: string; label: null };

/**
 * Fetches the name of a related record nobody has named: a value resumed from a draft, preset by a
 * refused Kanban move or saved in a list filter is a bare id, and the select would show that uuid.
 * `known` says whether the caller already has a name for it (the record's `_display`, a search
 * result); then nothing is fetched, and a name arriving while the fetch runs cancels it. A record the
 * user may not see (404/403) comes back with `label: null`; any other failure leaves it unnamed, to
 * be asked again when the value changes.
 */
export function useRelationName(
  appId: string,
  target: ObjectDefinition | null,
  displayField: string | null,
  value: string | null,
  known: boolean,
): FetchedName | null {
  const [fetched, setFetched] = useState<FetchedName | null>(null);
  const wanted = value && target && !known && fetched?.value !== value ? value : null;

  useEffect(() => {
    if (!wanted || !target) return;
    const controller = new AbortController();
    // A name that arrived meanwhile cancelled the fetch: its late answer must not land.
    api.getRecord(appId, target.id, wanted, controller.signal).then(
      (record) => {
        if (!controller.signal.aborted) setFetched({ value: wanted, label: relationLabel(record, displayField) });
      },
      (error: unknown) => {
        if (isAbort(error) || controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) setFetched({ value: wanted, label: null });
      },
    );
    return () => controller.abort();
  }, [appId, target, displayField, wanted]);

  return fetched;
}
