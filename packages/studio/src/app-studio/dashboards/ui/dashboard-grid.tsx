import type { DashboardDefinition } from '@tessera/schemas';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type DropTargetMonitor, useDrop } from 'react-dnd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { addWidget, DEFAULT_SIZE, layoutOf, newWidgetId, placeWidget } from '../model/dashboard-edits';
import { DASHBOARD_DRAG, type DashboardDragItem } from '../model/drag';
import { cellAt, GRID_COLUMNS, gridRows, type Rect, ROW_PX, settled } from '../model/grid';
import { useWidgetTitle } from './use-widget-title';
import { WidgetTile } from './widget-tile';

const sameRect = (a: Rect | null, b: Rect | null) => a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h);

/**
 * The dashboard's 24-column grid, laid out as the runtime lays it out. A palette item or a
 * widget dropped on it lands on the cell under the pointer (a moved widget keeps where it was
 * grabbed), pushed below any widget it would cover and risen to the first free row; a shadow shows
 * where before the release.
 */
export function DashboardGrid({ dashboard }: { dashboard: DashboardDefinition }) {
  const t = useDashboardT();
  const store = useStudioStore();
  const titleOf = useWidgetTitle();
  const selected = useStudio((s) => s.selection.widgetId ?? null);
  const element = useRef<HTMLElement>(null);
  const [ghost, setGhost] = useState<Rect | null>(null);
  const ghostRef = useRef<Rect | null>(null);
  const layouts = dashboard.widgets.map(layoutOf);

  /** Where the drag would land now, measured from the pointer and the grid's box. */
  const landing = (item: DashboardDragItem, monitor: DropTargetMonitor): Rect | null => {
    const pointer = monitor.getClientOffset();
    const box = element.current?.getBoundingClientRect();
    if (!pointer || !box) return null;
    const column = box.width / GRID_COLUMNS;
    if (item.kind === 'new') {
      const cell = cellAt(pointer.x - box.left, pointer.y - box.top, box.width);
      return settled({ ...cell, ...DEFAULT_SIZE[item.widgetKind] }, layouts);
    }
    // A moved widget keeps the point it was grabbed by under the pointer: its top-left follows.
    const grabbed = monitor.getInitialClientOffset();
    const source = monitor.getInitialSourceClientOffset();
    const offset = grabbed && source ? { x: grabbed.x - source.x, y: grabbed.y - source.y } : { x: 0, y: 0 };
    const cell = cellAt(pointer.x - offset.x - box.left + column / 2, pointer.y - offset.y - box.top + ROW_PX / 2, box.width);
    const others = dashboard.widgets.flatMap((w, i) => (w.id === item.widgetId ? [] : [layoutOf(w, i)]));
    return settled({ ...cell, w: item.w, h: item.h }, others);
  };

  const [{ active, over }, drop] = useDrop<DashboardDragItem, void, { active: boolean; over: boolean }>(
    () => ({
      accept: DASHBOARD_DRAG,
      hover: (item, monitor) => {
        // Only a new cell re-renders the grid: a pointer moving within one cell costs nothing.
        const next = landing(item, monitor);
        if (!sameRect(next, ghostRef.current)) {
          ghostRef.current = next;
          setGhost(next);
        }
      },
      drop: (item, monitor) => {
        const at = landing(item, monitor);
        const { document, edit } = store.getState();
        if (!at || !document) return;
        if (item.kind === 'new') {
          const id = newWidgetId(document, dashboard.id, item.widgetKind);
          edit((d) => addWidget(d, dashboard.id, item.widgetKind, id, titleOf(item.widgetKind), at), { select: { widgetId: id } });
        } else edit((d) => placeWidget(d, dashboard.id, item.widgetId, at), { select: { widgetId: item.widgetId } });
      },
      collect: (monitor) => ({ active: monitor.canDrop(), over: monitor.isOver() }),
    }),
    [dashboard, layouts],
  );
  useEffect(() => {
    if (!over) {
      ghostRef.current = null;
      setGhost(null);
    }
  }, [over]);
  const attach = useCallback(
    (node: HTMLElement | null) => {
      element.current = node;
      drop(node);
    },
    [drop],
  );
  const columnWidth = useCallback(() => (element.current?.getBoundingClientRect().width ?? 960) / GRID_COLUMNS, []);

  return (
    // A region of its own: clicking its empty cells (or Esc inside it) unselects, so the dashboard's settings show.
    <section
      ref={attach}
      className={`dash-grid${active ? ' dash-grid-active' : ''}${over ? ' dash-grid-over' : ''}`}
      data-testid="dash-grid"
      aria-label={t('dash.grid')}
      style={{ gridTemplateRows: `repeat(${gridRows(layouts)}, ${ROW_PX}px)` }}
      onClick={(event) => {
        if (event.target === event.currentTarget) store.getState().select({ widgetId: null });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') store.getState().select({ widgetId: null });
      }}
    >
      {dashboard.widgets.map((widget, i) => (
        <WidgetTile
          key={widget.id}
          dashboardId={dashboard.id}
          widget={widget}
          layout={layoutOf(widget, i)}
          selected={widget.id === selected}
          columnWidth={columnWidth}
        />
      ))}
      {ghost && (
        <div
          className="dash-ghost"
          data-testid="dash-ghost"
          style={{ gridColumn: `${ghost.x + 1} / span ${ghost.w}`, gridRow: `${ghost.y + 1} / span ${ghost.h}` }}
        />
      )}
    </section>
  );
}
