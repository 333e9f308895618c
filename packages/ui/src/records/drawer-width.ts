import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { gridColumns, gridWidth } from '../widgets/child-table/grid-columns';

/** The drawer for a form of plain fields. */
export const FORM_DRAWER_WIDTH = 560;
/** The drawer body's padding, both sides (antd's default 24 px each). */
const BODY_PADDING = 48;
/** What the drawer leaves of the page beside it, so the list stays in sight. */
const PAGE_MARGIN = 32;

/**
 * How wide the record drawer opens: wide enough for the widest lines grid of the object's child
 * tables, so a quote's line amounts and row buttons are on screen rather than scrolled off to the
 * right, yet never wider than the window.
 */
export function drawerWidth(document: AppDocument | null, object: ObjectDefinition): number | string {
  const children = object.fields
    .filter((f) => f.type === 'child_table')
    .flatMap((f) => document?.objects.find((o) => o.id === f.target && o.parent === object.id) ?? []);
  const widest = Math.max(0, ...children.map((child) => gridWidth(gridColumns(child)) + BODY_PADDING));
  return widest <= FORM_DRAWER_WIDTH ? FORM_DRAWER_WIDTH : `min(${widest}px, calc(100vw - ${PAGE_MARGIN}px))`;
}
