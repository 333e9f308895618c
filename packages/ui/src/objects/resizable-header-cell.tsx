import { COLUMN_WIDTH_MAX, COLUMN_WIDTH_MIN } from '@tessera/schemas';
import type { KeyboardEvent, PointerEvent, ThHTMLAttributes } from 'react';

/** What a list column passes to its header cell (antd's `onHeaderCell`) to be resizable. */
export interface ColumnResize {
  width: number;
  /** The label of the drag handle, for screen readers ("Resize the Industry column"). */
  label: string;
  /** While dragging: the width under the pointer. */
  onResize: (width: number) => void;
  /** On release: the width to keep. */
  onResizeEnd: (width: number) => void;
}

type HeaderCellProps = ThHTMLAttributes<HTMLTableCellElement> & { resize?: ColumnResize };

const KEY_STEP = 16;
const clampWidth = (width: number) => Math.round(Math.min(COLUMN_WIDTH_MAX, Math.max(COLUMN_WIDTH_MIN, width)));

/** Follows one drag of the handle with pointer capture, so the drag holds wherever the pointer goes. */
function startDrag(event: PointerEvent<HTMLSpanElement>, resize: ColumnResize): void {
  event.preventDefault();
  event.stopPropagation();
  const handle = event.currentTarget;
  const startX = event.clientX;
  let width = resize.width;
  handle.setPointerCapture(event.pointerId);
  const move = (e: globalThis.PointerEvent) => {
    width = clampWidth(resize.width + e.clientX - startX);
    resize.onResize(width);
  };
  const end = () => {
    handle.removeEventListener('pointermove', move);
    handle.removeEventListener('pointerup', end);
    handle.removeEventListener('pointercancel', end);
    resize.onResizeEnd(width);
  };
  handle.addEventListener('pointermove', move);
  handle.addEventListener('pointerup', end);
  handle.addEventListener('pointercancel', end);
}

function resizeByKey(event: KeyboardEvent<HTMLSpanElement>, resize: ColumnResize): void {
  const step = event.key === 'ArrowRight' ? KEY_STEP : event.key === 'ArrowLeft' ? -KEY_STEP : 0;
  if (step === 0) return;
  event.preventDefault();
  event.stopPropagation();
  resize.onResizeEnd(clampWidth(resize.width + step));
}

/**
 * A list header cell whose right edge can be dragged (or moved with the arrow keys) to widen or
 * narrow its column. The handle swallows its own clicks: a drag must not also sort the column.
 */
export function ResizableHeaderCell({ resize, children, ...th }: HeaderCellProps) {
  if (!resize) return <th {...th}>{children}</th>;
  return (
    <th {...th} style={{ ...th.style, position: 'relative' }}>
      {children}
      {/* biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be dragged or focused; a focusable separator is the ARIA pattern for a splitter. */}
      <span
        role="separator"
        aria-orientation="vertical"
        aria-label={resize.label}
        aria-valuenow={resize.width}
        aria-valuemin={COLUMN_WIDTH_MIN}
        aria-valuemax={COLUMN_WIDTH_MAX}
        tabIndex={0}
        className="tessera-column-resize"
        data-testid="column-resize"
        onPointerDown={(event) => startDrag(event, resize)}
        onKeyDown={(event) => resizeByKey(event, resize)}
        onClick={(event) => event.stopPropagation()}
      />
    </th>
  );
}
