import { create } from 'zustand';
import { departmentApi, type DirectoryDepartment } from './department-api';

export type DepartmentsStatus = 'idle' | 'loading' | 'loaded' | 'failed';

interface DepartmentsState {
  status: DepartmentsStatus;
  departments: readonly DirectoryDepartment[];
  byId: ReadonlyMap<string, DirectoryDepartment>;
}

/**
 * The organization's department tree, fetched once per session and shared by every department
 * cell, record page and picker: departments change rarely (an administrator's edit shows after the
 * next page load), and one list of a few thousand names is cheaper than a lookup per table page.
 */
export const useDepartmentsStore = create<DepartmentsState>()(() => ({
  status: 'idle',
  departments: [],
  byId: new Map(),
}));

/** Starts the one load if it has not happened yet; after a failure the next caller tries again. */
export function requestDepartments(): void {
  const { status } = useDepartmentsStore.getState();
  if (status === 'loading' || status === 'loaded') return;
  useDepartmentsStore.setState({ status: 'loading' });
  departmentApi.list().then(
    (departments) => useDepartmentsStore.setState({ status: 'loaded', departments, byId: new Map(departments.map((d) => [d.id, d])) }),
    // Names are decoration in a table; the picker says it failed. A 401 has already gone to sign-in.
    () => useDepartmentsStore.setState({ status: 'failed' }),
  );
}
