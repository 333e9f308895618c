import { useCallback } from 'react';
import { useDrop } from 'react-dnd';
import { useStudioStore } from '../../hooks/studio-context';
import { useViewT } from '../i18n/use-view-t';
import { placeColumn } from '../model/view-edits';

/** The drag type of a list column: its own, so the form, flow and menu designers' drop places never take one. */
export const VIEW_COLUMN = 'tessera-view-column';
export interface ColumnDragItem {
  column: string;
}

interface ColumnDropSlotProps {
  objectId: string;
  viewId: string;
  /** The position a column dropped here takes among the shown columns, counting a dragged shown column where it is now. */
  index: number;
  columns: readonly string[];
}

/** A place before, between or after the shown columns where a dragged field or column lands. */
export function ColumnDropSlot({ objectId, viewId, index, columns }: ColumnDropSlotProps) {
  const t = useViewT();
  const store = useStudioStore();
  const [{ over }, ref] = useDrop<ColumnDragItem, void, { over: boolean }>(
    () => ({
      accept: VIEW_COLUMN,
      drop: (item) => {
        // `index` counts the dragged column where it is; placeColumn counts the others only.
        const from = columns.indexOf(item.column);
        store.getState().edit((d) => placeColumn(d, objectId, viewId, item.column, from >= 0 && from < index ? index - 1 : index));
      },
      collect: (monitor) => ({ over: monitor.isOver() }),
    }),
    [objectId, viewId, index, columns, store],
  );
  const attach = useCallback((element: HTMLDivElement | null) => void ref(element), [ref]);
  return (
    <div
      ref={attach}
      className={`views-drop-slot${over ? ' views-drop-over' : ''}`}
      title={t('views.dropAt', { position: index + 1 })}
      data-testid={`view-column-drop-${index}`}
      data-over={over || undefined}
    />
  );
}
