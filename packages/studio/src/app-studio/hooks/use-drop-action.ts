import { useCallback } from 'react';
import { dropOnForm } from '../model/drop-actions';
import type { DropPosition } from '../model/form-edits';
import type { DragItem } from '../model/studio-store';
import { useStudioStore } from './studio-context';

/** The react-dnd item type of everything the form designer drags. */
export const DESIGNER_ITEM = 'tessera-designer-item';

/** Drops `item` at `at` on the selected object's form: one undo step, by pointer or keyboard alike. */
export function useDropAction(): (item: DragItem, at: DropPosition) => void {
  const store = useStudioStore();
  return useCallback(
    (item, at) => {
      const { document, selection, edit, carry } = store.getState();
      carry(null);
      if (!document || !selection.objectId) return;
      const result = dropOnForm(document, selection.objectId, item, at, selection.formId ?? null);
      if (result) edit(() => result.document, { select: result.selection });
    },
    [store],
  );
}
