import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useMemo, useState } from 'react';
import { availableKinds, readChoice, storeChoice, type ViewChoice } from './view-choice';

/** The object page's current view, remembered per app and object in localStorage. */
export function useViewChoice(appId: string, object: ObjectDefinition) {
  const [choice, setChoice] = useState<ViewChoice>(() => readChoice(appId, object));
  const kinds = useMemo(() => availableKinds(object), [object]);
  const choose = useCallback(
    (next: ViewChoice) => {
      setChoice(next);
      storeChoice(appId, object.id, next);
    },
    [appId, object.id],
  );
  return { choice, kinds, choose };
}
