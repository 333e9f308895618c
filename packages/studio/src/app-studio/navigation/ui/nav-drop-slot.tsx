import { navigationOf } from '@tessera/schemas';
import { useCallback } from 'react';
import { useDrop } from 'react-dnd';
import { useStudioStore } from '../../hooks/studio-context';
import { moveEntry, siblingsOf } from '../model/navigation-edits';

/** The drag type of a menu entry: its own, so the form and flow designers' drop places never take one. */
export const NAV_ENTRY = 'tessera-nav-entry';
export interface NavDragItem {
  id: string;
  parent: string | undefined;
}

/** A place between two entries of one parent where a dragged entry of that parent lands at `index`. */
export function NavDropSlot({ parent, index }: { parent: string | undefined; index: number }) {
  const store = useStudioStore();
  const [{ over }, ref] = useDrop<NavDragItem, void, { over: boolean }>(
    () => ({
      accept: NAV_ENTRY,
      canDrop: (item) => item.parent === parent,
      drop: (item) =>
        store.getState().edit((d) => {
          // `index` counts the dragged entry among its siblings; moveEntry counts without it.
          const from = siblingsOf(navigationOf(d), parent).findIndex((i) => i.id === item.id);
          return moveEntry(d, item.id, from >= 0 && from < index ? index - 1 : index);
        }),
      collect: (monitor) => ({ over: monitor.isOver() && monitor.canDrop() }),
    }),
    [parent, index, store],
  );
  const attach = useCallback((element: HTMLDivElement | null) => void ref(element), [ref]);
  return <div ref={attach} className={`nav-drop-slot${over ? ' nav-drop-over' : ''}`} data-testid={`nav-drop-${parent ?? 'top'}-${index}`} />;
}
