import type { DirectoryDepartment } from './department-api';

/** A node of the department picker (antd TreeSelect's `treeData`). */
export interface DepartmentOption {
  value: string;
  title: string;
  children?: DepartmentOption[];
}

/**
 * The flat list as a tree, siblings in the order given (the server sorts by name). A department
 * whose parent is unknown is shown at the top rather than lost; a parent cycle (which the server
 * refuses, but a restored backup might hold) is cut where it is found.
 */
export function departmentOptions(departments: readonly DirectoryDepartment[]): DepartmentOption[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, DirectoryDepartment[]>();
  for (const department of departments) {
    const parent = department.parentId !== null && ids.has(department.parentId) && department.parentId !== department.id ? department.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const placed = new Set<string>();
  const build = (department: DirectoryDepartment): DepartmentOption => {
    placed.add(department.id);
    const below = (children.get(department.id) ?? []).filter((d) => !placed.has(d.id)).map(build);
    return below.length > 0 ? { value: department.id, title: department.name, children: below } : { value: department.id, title: department.name };
  };
  const roots = (children.get(null) ?? []).map(build);
  // Only departments caught in a cycle are left: each becomes a root of what hangs below it.
  for (const department of departments) if (!placed.has(department.id)) roots.push(build(department));
  return roots;
}

/** The names from the top of the tree down to the department: 总部 / 销售部 / 华东区. Empty when unknown. */
export function departmentPath(id: string, byId: ReadonlyMap<string, DirectoryDepartment>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let current = byId.get(id); current && !seen.has(current.id); current = current.parentId ? byId.get(current.parentId) : undefined) {
    seen.add(current.id);
    names.unshift(current.name);
  }
  return names;
}
