import { useEffect, useRef } from 'react';
import type { RecordData } from '../api/types';

/**
 * What the record drawer just did, numbered so a view applies each change once. The drawer
 * belongs to the object page, whichever view is showing, so the page hands its results down.
 */
export type RecordChange = { seq: number } & ({ kind: 'saved'; record: RecordData } | { kind: 'deleted'; id: string });

export function useRecordChanges(change: RecordChange | null, onSaved: (record: RecordData) => void, onDeleted: (id: string) => void): void {
  // A view mounted after a change (the user switched views since) has already loaded it fresh.
  const applied = useRef(change?.seq ?? 0);
  useEffect(() => {
    if (!change || change.seq === applied.current) return;
    applied.current = change.seq;
    if (change.kind === 'saved') onSaved(change.record);
    else onDeleted(change.id);
  }, [change, onSaved, onDeleted]);
}
