import type { WidgetKind } from '@tessera/schemas';

/** The dashboard designer's own drag type, so the form and flow designers' drop places never take its items (ADR 0060). */
export const DASHBOARD_DRAG = 'tessera-dashboard-widget';

/** What a drag carries: a new widget from the palette, or a widget of the grid being moved. */
export type DashboardDragItem = { kind: 'new'; widgetKind: WidgetKind } | { kind: 'widget'; widgetId: string; w: number; h: number };
