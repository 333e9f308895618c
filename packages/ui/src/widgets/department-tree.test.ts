import { describe, expect, it } from 'vitest';
import type { DirectoryDepartment } from './department-api';
import { departmentOptions, departmentPath } from './department-tree';

const dept = (id: string, name: string, parentId: string | null = null): DirectoryDepartment => ({ id, name, parentId });

describe('department tree', () => {
  const list = [dept('a', 'Audit'), dept('e', '华东区', 's'), dept('n', '华北区', 's'), dept('s', '销售部', 'h'), dept('h', '总部')];

  it('nests the flat list, keeping the given sibling order', () => {
    expect(departmentOptions(list)).toEqual([
      { value: 'a', title: 'Audit' },
      {
        value: 'h',
        title: '总部',
        children: [
          {
            value: 's',
            title: '销售部',
            children: [
              { value: 'e', title: '华东区' },
              { value: 'n', title: '华北区' },
            ],
          },
        ],
      },
    ]);
  });

  it('puts a department with an unknown parent at the top and cuts a cycle', () => {
    expect(departmentOptions([dept('x', 'Orphan', 'gone')])).toEqual([{ value: 'x', title: 'Orphan' }]);
    const cycle = departmentOptions([dept('p', 'P', 'q'), dept('q', 'Q', 'p'), dept('self', 'Self', 'self')]);
    expect(cycle).toEqual([
      { value: 'self', title: 'Self' },
      { value: 'p', title: 'P', children: [{ value: 'q', title: 'Q' }] },
    ]);
  });

  it('names the path from the top down, and stops at a cycle', () => {
    const byId = new Map(list.map((d) => [d.id, d]));
    expect(departmentPath('e', byId)).toEqual(['总部', '销售部', '华东区']);
    expect(departmentPath('missing', byId)).toEqual([]);
    const loop = new Map([
      ['p', dept('p', 'P', 'q')],
      ['q', dept('q', 'Q', 'p')],
    ]);
    expect(departmentPath('p', loop)).toEqual(['Q', 'P']);
  });
});
