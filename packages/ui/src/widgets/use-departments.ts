import { useEffect } from 'react';
import { FRESH_MS, requestDepartments, useDepartmentsStore } from './department-names';
import { departmentPath } from './department-tree';

/** The shared department tree, loaded on first use. */
export function useDepartments() {
  const state = useDepartmentsStore();
  useEffect(() => {
    requestDepartments();
  }, []);
  return state;
}

export interface DepartmentName {
  name: string;
  /** 总部 / 销售部 / 华东区, for a tooltip: two teams may share a name. */
  path: string;
}

/**
 * One department's name, `null` when the loaded tree does not have it (deleted since), and
 * `undefined` while the tree is still loading (or could not be).
 */
export function useDepartmentName(id: string | null | undefined): DepartmentName | null | undefined {
  const status = useDepartmentsStore((s) => s.status);
  const department = useDepartmentsStore((s) => (id ? s.byId.get(id) : undefined));
  const byId = useDepartmentsStore((s) => s.byId);
  const missing = status === 'loaded' && !!id && !department;
  useEffect(() => {
    // A department the loaded tree lacks may have been created since: look again (not more often than FRESH_MS).
    if (id) requestDepartments(missing ? FRESH_MS : undefined);
  }, [id, missing]);
  if (!id || status !== 'loaded') return undefined;
  if (!department) return null;
  return { name: department.name, path: departmentPath(department.id, byId).join(' / ') };
}
