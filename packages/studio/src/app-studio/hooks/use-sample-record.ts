import { api, isAbort } from '@tessera/ui';
import type { RecordData } from '@tessera/ui/form-preview';
import { useEffect, useState } from 'react';

/** The existing record the preview is filled from: read through the records API (the access layer) as the admin; never written. */
export function useSampleRecord(appId: string, objectId: string) {
  const [recordId, setRecordId] = useState<string | null>(null);
  const [record, setRecord] = useState<RecordData | null>(null);
  const [failed, setFailed] = useState(false);

  // Another object: its records, not this one's.
  useEffect(() => setRecordId(null), [objectId]);

  useEffect(() => {
    setRecord(null);
    setFailed(false);
    if (!recordId) return;
    const controller = new AbortController();
    api.getRecord(appId, objectId, recordId, controller.signal).then(setRecord, (error: unknown) => {
      if (!isAbort(error)) setFailed(true);
    });
    return () => controller.abort();
  }, [appId, objectId, recordId]);

  return { recordId, record, failed, pick: setRecordId };
}
