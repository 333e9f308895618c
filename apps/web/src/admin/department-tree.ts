import type { Department } from '@tessera/ui';

export interface DepartmentNode {
  key: string;
  value: string;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

/**
 * The flat list as a tree for antd Tree / TreeSelect, siblings by name. A department whose
 * parent is missing (should not happen) is shown at the top rather than lost.
 */
export function buildDepartmentTree(departments: readonly Department[], collator = new Intl.Collator()): DepartmentNode[] {
  const nodes = new Map(departments.map((d) => [d.id, { key: d.id, value: d.id, title: d.name, department: d, children: [] as DepartmentNode[] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => collator.compare(a.title, b.title));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The department and everything under it: a move into any of these would make a cycle. */
export function subtreeIds(departments: readonly Department[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId && ids.has(d.parentId) && !ids.has(d.id)) {
        ids.add(d.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** `Sales / East China`: where a department sits, for tables that show only one cell. */
export function departmentPath(departments: readonly Department[], id: string | null): string | null {
  if (!id) return null;
  const byId = new Map(departments.map((d) => [d.id, d]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let current = byId.get(id); current && !seen.has(current.id); current = current.parentId ? byId.get(current.parentId) : undefined) {
    seen.add(current.id);
    names.unshift(current.name);
  }
  return names.length > 0 ? names.join(' / ') : null;
}

/** A TreeSelect tree with some departments (and their subtrees) left out. */
export function withoutSubtree(tree: DepartmentNode[], excluded: ReadonlySet<string>): DepartmentNode[] {
  return tree.filter((n) => !excluded.has(n.key)).map((n) => ({ ...n, children: withoutSubtree(n.children, excluded) }));
}
