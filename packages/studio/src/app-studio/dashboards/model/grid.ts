/** The runtime's dashboard grid (packages/ui dashboard-page): 24 columns, rows 40 px high. */
export const GRID_COLUMNS = 24;
export const ROW_PX = 40;
/** Widgets are at least this big, so a title and a number always fit. */
export const MIN_W = 3;
export const MIN_H = 2;
export const MAX_H = 40;

export interface Cell {
  x: number;
  y: number;
}
export interface Rect extends Cell {
  w: number;
  h: number;
}

const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/** A rectangle kept on the grid: at least the minimum size, never past the right edge or above the top. */
export function onGrid(rect: Rect): Rect {
  const w = clamp(Math.round(rect.w), MIN_W, GRID_COLUMNS);
  const h = clamp(Math.round(rect.h), MIN_H, MAX_H);
  return { w, h, x: clamp(Math.round(rect.x), 0, GRID_COLUMNS - w), y: clamp(Math.round(rect.y), 0, 1000) };
}

/** The cell under a point of the grid element (pixels from its top-left corner), its width known. */
export function cellAt(px: number, py: number, gridWidth: number): Cell {
  const column = gridWidth / GRID_COLUMNS;
  return { x: clamp(Math.floor(px / column), 0, GRID_COLUMNS - 1), y: Math.max(0, Math.floor(py / ROW_PX)) };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Where a widget lands when it would cover others: pushed down below each one it overlaps until
 * it covers none (the others never move, so a drop changes only the widget dropped).
 */
export function withoutOverlap(rect: Rect, others: readonly Rect[]): Rect {
  let placed = onGrid(rect);
  for (let guard = 0; guard <= others.length; guard += 1) {
    const hit = others.find((other) => overlaps(placed, other));
    if (!hit) return placed;
    placed = { ...placed, y: hit.y + hit.h };
  }
  return placed;
}

/**
 * Where a pointer drop lands: clear of the others, then risen as far up as the column is free, so
 * a dashboard has no empty bands a viewer scrolls past (the keyboard places exactly, without this).
 */
export function settled(rect: Rect, others: readonly Rect[]): Rect {
  let placed = withoutOverlap(rect, others);
  while (placed.y > 0 && !others.some((other) => overlaps({ ...placed, y: placed.y - 1 }, other))) placed = { ...placed, y: placed.y - 1 };
  return placed;
}

/** The first row below every widget: where a widget added from the keyboard goes. */
export function nextFreeRow(others: readonly Rect[]): number {
  return others.reduce((bottom, r) => Math.max(bottom, r.y + r.h), 0);
}

/** The rows the grid shows: its widgets and room below them to drop a new one. */
export function gridRows(others: readonly Rect[]): number {
  return Math.max(12, nextFreeRow(others) + 6);
}
