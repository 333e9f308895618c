import { DeleteOutlined, DragOutlined } from '@ant-design/icons';
import type { DashboardWidget } from '@tessera/schemas';
import { Button, Typography } from 'antd';
import { type KeyboardEvent, memo, type PointerEvent, useRef, useState } from 'react';
import { useDrag } from 'react-dnd';
import { useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { placeWidget, removeWidget } from '../model/dashboard-edits';
import { DASHBOARD_DRAG, type DashboardDragItem } from '../model/drag';
import { type Rect, ROW_PX } from '../model/grid';

interface WidgetTileProps {
  dashboardId: string;
  widget: DashboardWidget;
  layout: Rect;
  selected: boolean;
  /** The grid's column width now (it follows the window). */
  columnWidth: () => number;
}

/** Arrow keys move by one cell; with Shift they grow or shrink the widget. */
const STEPS: Record<string, { dx: number; dy: number }> = {
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowRight: { dx: 1, dy: 0 },
  ArrowUp: { dx: 0, dy: -1 },
  ArrowDown: { dx: 0, dy: 1 },
};

/**
 * A widget on the designer's grid: dragged by its header to move, by its corner to resize
 * (pointer events, committed as one step on release), and moved, resized and removed from the
 * keyboard once focused. A click selects it for the property panel.
 */
export const WidgetTile = memo(function WidgetTile({ dashboardId, widget, layout, selected, columnWidth }: WidgetTileProps) {
  const t = useDashboardT();
  const label = useLabel();
  const store = useStudioStore();
  const title = label(widget.title, widget.id);
  const [{ dragging }, drag] = useDrag<DashboardDragItem, void, { dragging: boolean }>(
    () => ({ type: DASHBOARD_DRAG, item: { kind: 'widget', widgetId: widget.id, w: layout.w, h: layout.h }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [widget.id, layout.w, layout.h],
  );
  // The size while the corner is dragged: shown at once, written to the draft on release.
  const [resizing, setResizing] = useState<{ w: number; h: number } | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const place = (rect: Rect) => store.getState().edit((d) => placeWidget(d, dashboardId, widget.id, rect), { select: { widgetId: widget.id } });
  const select = () => store.getState().select({ widgetId: widget.id });

  const resizeFrom = (event: PointerEvent<HTMLDivElement>) => {
    event.stopPropagation();
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { x: event.clientX, y: event.clientY };
    setResizing({ w: layout.w, h: layout.h });
  };
  const sizeAt = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return null;
    return {
      w: Math.max(1, layout.w + Math.round((event.clientX - start.current.x) / columnWidth())),
      h: Math.max(1, layout.h + Math.round((event.clientY - start.current.y) / ROW_PX)),
    };
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const step = STEPS[event.key];
    if (step) {
      event.preventDefault();
      place(event.shiftKey ? { ...layout, w: layout.w + step.dx, h: layout.h + step.dy } : { ...layout, x: layout.x + step.dx, y: layout.y + step.dy });
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      store.getState().edit((d) => removeWidget(d, dashboardId, widget.id), { select: { widgetId: null } });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select();
    }
  };
  const size = resizing ?? layout;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a grid cell holding its own buttons cannot be a <button>
    <div
      role="button"
      tabIndex={0}
      className={`dash-tile${selected ? ' dash-tile-selected' : ''}${dragging ? ' dash-tile-dragging' : ''}`}
      data-testid={`dash-tile-${widget.id}`}
      aria-label={t('dash.widgetKeys', { title })}
      style={{ gridColumn: `${layout.x + 1} / span ${size.w}`, gridRow: `${layout.y + 1} / span ${size.h}` }}
      onClick={select}
      onKeyDown={onKey}
    >
      <div ref={drag as never} className="dash-tile-header" data-testid={`dash-tile-handle-${widget.id}`}>
        <DragOutlined />
        <Typography.Text ellipsis style={{ flex: 1 }}>
          {title}
        </Typography.Text>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('dash.removeWidget')}
          data-testid={`dash-tile-remove-${widget.id}`}
          onClick={(event) => {
            event.stopPropagation();
            store.getState().edit((d) => removeWidget(d, dashboardId, widget.id), { select: { widgetId: null } });
          }}
        />
      </div>
      <Typography.Text type="secondary" className="dash-tile-body">
        {t(`dash.kind.${widget.kind}`)} · {size.w} × {size.h}
      </Typography.Text>
      <div
        className="dash-tile-resize"
        data-testid={`dash-tile-resize-${widget.id}`}
        title={t('dash.resize')}
        onPointerDown={resizeFrom}
        onPointerMove={(event) => {
          const next = sizeAt(event);
          if (next && (next.w !== resizing?.w || next.h !== resizing?.h)) setResizing(next);
        }}
        onPointerUp={(event) => {
          const next = sizeAt(event);
          start.current = null;
          setResizing(null);
          if (next) place({ ...layout, ...next });
        }}
      />
    </div>
  );
});
