import type { AppDocument, LocalizedText } from '@tessera/schemas';
import { useCallback, useState } from 'react';
import { appsApi, studioApi } from '../api/studio-api';

export interface NewAppInput {
  id: string;
  label: LocalizedText;
  /** The app to copy, or null for a blank app. */
  copyOf: string | null;
}

/** The document of a new app: blank (no objects yet), or another app's draft under the new id and labels. */
export async function newAppDocument(input: NewAppInput): Promise<AppDocument> {
  if (!input.copyOf) return { id: input.id, label: input.label, objects: [] };
  const source = await studioApi.app(input.copyOf);
  return { ...source.draft, id: input.id, label: input.label };
}

/** Creates the app (the server validates it and refuses a taken id) and reports its id. */
export function useNewApp(onCreated: (appId: string) => void) {
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const create = useCallback(
    async (input: NewAppInput) => {
      setCreating(true);
      setError(null);
      try {
        const created = await appsApi.create(await newAppDocument(input));
        onCreated(created.id);
      } catch (failure) {
        setError(failure);
      } finally {
        setCreating(false);
      }
    },
    [onCreated],
  );
  return { creating, error, create };
}
