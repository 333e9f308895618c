import type { FieldDefinition } from '@tessera/schemas';
import { useEffect, useState } from 'react';
import { type FieldTypePreview, studioApi } from '../api/studio-api';
import { useStudio } from './studio-context';

/** Long enough to skip the types passed over while picking, short enough to answer as the pick lands. */
const PREVIEW_DELAY_MS = 250;

/**
 * What the field's current type in the draft would do to its stored rows, asked of the server as
 * the admin changes it (before any save): null while there is no answer, or none is needed.
 */
export function useTypePreview(objectId: string, field: FieldDefinition): FieldTypePreview | 'loading' | null {
  const appId = useStudio((s) => s.appId);
  const [preview, setPreview] = useState<FieldTypePreview | 'loading' | null>(null);
  const { id, type, resultType } = field;
  useEffect(() => {
    if (!appId) return;
    const abort = new AbortController();
    setPreview('loading');
    const timer = setTimeout(() => {
      studioApi
        .typePreview(appId, objectId, id, type, resultType, abort.signal)
        .then(setPreview)
        .catch(() => {
          if (!abort.signal.aborted) setPreview(null);
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [appId, objectId, id, type, resultType]);
  return preview;
}
