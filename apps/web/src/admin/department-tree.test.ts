import type { Department } from '@tessera/ui';
import { describe, expect, it } from 'vitest';
import { buildDepartmentTree, departmentPath, subtreeIds, withoutSubtree } from './department-tree';

const d = (id: string, name: string, parentId: string | null = null): Department => ({ id, name, parentId, headUserId: null });
const list = [d('s', 'Sales'), d('e', 'East', 's'), d('n', 'North', 's'), d('x', 'Shanghai', 'e'), d('f', 'Finance')];

describe('department tree', () => {
  it('nests children under parents, siblings by name', () => {
    const tree = buildDepartmentTree(list);
    expect(tree.map((n) => n.title)).toEqual(['Finance', 'Sales']);
    expect(tree[1]?.children.map((n) => n.title)).toEqual(['East', 'North']);
    expect(tree[1]?.children[0]?.children[0]?.key).toBe('x');
  });

  it('keeps an orphan at the top', () => {
    expect(buildDepartmentTree([d('o', 'Orphan', 'gone')]).map((n) => n.key)).toEqual(['o']);
  });

  it('finds a subtree and leaves it out of the parent choices', () => {
    expect([...subtreeIds(list, 'e')].sort()).toEqual(['e', 'x']);
    const choices = withoutSubtree(buildDepartmentTree(list), subtreeIds(list, 'e'));
    expect(choices[1]?.children.map((n) => n.key)).toEqual(['n']);
  });

  it('names a department by its path', () => {
    expect(departmentPath(list, 'x')).toBe('Sales / East / Shanghai');
    expect(departmentPath(list, null)).toBeNull();
  });
});
