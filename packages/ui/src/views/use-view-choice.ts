import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useMemo, useState } from 'react';
import { presetViewKey, readRememberedView } from '../list-view/view-state';
import { availableKinds, openingChoice, readChoice, storeChoice, type ViewChoice } from './view-choice';

function initialChoice(appId: string, object: ObjectDefinition): ViewChoice {
  const remembered = readRememberedView(appId, object.id);
  const views = object.views ?? [];
  // The list opens with the remembered view, else the first; a remembered view of the person's own has no layout.
  const opensWith = remembered ? (views.find((v) => presetViewKey(v.id) === remembered) ?? null) : (views[0] ?? null);
  return openingChoice(object, opensWith, readChoice(appId, object));
}

/** The object page's current view, remembered per app and object in localStorage. */
export function useViewChoice(appId: string, object: ObjectDefinition) {
  const [choice, setChoice] = useState<ViewChoice>(() => initialChoice(appId, object));
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
