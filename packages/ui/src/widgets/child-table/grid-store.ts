import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChildRows } from './child-row';
import { rowKeys } from './row-ops';

/**
 * The lines of one open grid. Rows subscribe to `rows[index]` and the body to `keys`, so a
 * keystroke re-renders the edited row alone: the key list keeps its identity through cell edits.
 */
export interface GridState {
  readonly rows: ChildRows;
  readonly keys: readonly string[];
}

export type GridStore = StoreApi<GridState>;

export function createGridStore(rows: ChildRows): GridStore {
  return createStore<GridState>()(() => ({ rows, keys: rowKeys(rows) }));
}

export function setGridRows(grid: GridStore, rows: ChildRows): void {
  grid.setState((state) => (state.rows === rows ? state : { rows, keys: rowKeys(rows, state.keys) }));
}
