import { create } from 'zustand';
import { type DirectoryDepartment, departmentApi } from './department-api';

export type DepartmentsStatus = 'idle' | 'loading' | 'loaded' | 'failed';

interface DepartmentsState {
  status: DepartmentsStatus;
  departments: readonly DirectoryDepartment[];
  byId: ReadonlyMap<string, DirectoryDepartment>;
  /** When the tree on hand was fetched (ms since the epoch); 0 before. */
  loadedAt: number;
  /** A refresh of a loaded tree is on its way: the old one stays on screen meanwhile. */
  refreshing: boolean;
}

/**
 * The organization's department tree, shared by every department cell, record page and picker:
 * one list of a few thousand names is cheaper than a lookup per table page. Fetched on first use,
 * and fetched again, behind the names on screen, when a picker opens on a tree older than
 * `FRESH_MS`, when a cell meets a department the tree does not have (created since), and after an
 * administrator changes the tree in this browser.
 */
export const useDepartmentsStore = create<DepartmentsState>()(() => ({
  status: 'idle',
  departments: [],
  byId: new Map(),
  loadedAt: 0,
  refreshing: false,
}));

/** How long a loaded tree counts as current for a picker being opened. */
export const FRESH_MS = 30_000;

function fetchDepartments(): void {
  departmentApi.list().then(
    (departments) =>
      useDepartmentsStore.setState({
        status: 'loaded',
        departments,
        byId: new Map(departments.map((d) => [d.id, d])),
        loadedAt: Date.now(),
        refreshing: false,
      }),
    // Names are decoration in a table; the picker says it failed. A 401 has already gone to sign-in.
    // A failed refresh keeps the tree it had.
    () => useDepartmentsStore.setState((s) => (s.status === 'loaded' ? { refreshing: false } : { status: 'failed' })),
  );
}

/**
 * Starts the first load if it has not happened yet (after a failure the next caller tries again);
 * with `maxAgeMs`, also refreshes a loaded tree older than that.
 */
export function requestDepartments(maxAgeMs?: number): void {
  const { status, loadedAt, refreshing } = useDepartmentsStore.getState();
  if (status === 'loading' || refreshing) return;
  if (status === 'loaded') {
    if (maxAgeMs === undefined || Date.now() - loadedAt <= maxAgeMs) return;
    useDepartmentsStore.setState({ refreshing: true });
  } else {
    useDepartmentsStore.setState({ status: 'loading' });
  }
  fetchDepartments();
}

/** After an administrator changed the tree in this browser: a tree on hand is fetched again. */
export function departmentsChanged(): void {
  if (useDepartmentsStore.getState().status === 'loaded') requestDepartments(-1);
}
