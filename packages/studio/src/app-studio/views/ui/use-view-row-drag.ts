import { useCallback } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import { useStudioStore } from '../../hooks/studio-context';
import { placeView } from '../model/view-edits';

/** The drag type of a row of the view list: its own, so the column picker and the other designers never take one. */
export const VIEW_ROW = 'tessera-view-row';
interface ViewRowDragItem {
  viewId: string;
  index: number;
}

/**
 * A view list row that can be dragged onto another row: the dragged view takes that row's place
 * (one undo step), the rows between shift by one. `over` says which way the drop will move it, for
 * the line drawn above or below the row.
 */
export function useViewRowDrag(objectId: string, viewId: string, index: number) {
  const store = useStudioStore();
  const [{ dragging }, drag] = useDrag<ViewRowDragItem, void, { dragging: boolean }>(
    () => ({ type: VIEW_ROW, item: { viewId, index }, collect: (monitor) => ({ dragging: monitor.isDragging() }) }),
    [viewId, index],
  );
  const [{ over }, drop] = useDrop<ViewRowDragItem, void, { over: 'above' | 'below' | null }>(
    () => ({
      accept: VIEW_ROW,
      canDrop: (item) => item.viewId !== viewId,
      drop: (item) => store.getState().edit((d) => placeView(d, objectId, item.viewId, index)),
      collect: (monitor) => {
        const item = monitor.getItem<ViewRowDragItem | null>();
        return { over: monitor.isOver() && monitor.canDrop() && item ? (item.index > index ? 'above' : 'below') : null };
      },
    }),
    [objectId, viewId, index, store],
  );
  const attach = useCallback((element: HTMLDivElement | null) => void drag(drop(element)), [drag, drop]);
  return { attach, dragging, over };
}
