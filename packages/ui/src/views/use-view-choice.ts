import type { ObjectDefinition } from '@tessera/schemas';
import { useCallback, useMemo, useState } from 'react';
import { presetViewKey, readRememberedView } from '../list-view/view-state';
import { availableKinds, presetLayout, readChoice, storeChoice, type ViewChoice } from './view-choice';

/**
 * The layout the page opens in: the one the remembered list view was designed with (a menu entry
 * opening a Kanban view opens the board), else the person's last choice for this object.
 */
function initialChoice(appId: string, object: ObjectDefinition): ViewChoice {
  const remembered = readRememberedView(appId, object.id);
  const view = (object.views ?? []).find((v) => presetViewKey(v.id) === remembered);
  return (view && presetLayout(object, view)) ?? readChoice(appId, object);
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
