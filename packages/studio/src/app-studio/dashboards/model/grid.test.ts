import { describe, expect, it } from 'vitest';
import { cellAt, gridRows, nextFreeRow, onGrid, settled, withoutOverlap } from './grid';

describe('the dashboard grid', () => {
  it('keeps a widget on the 24 columns, at least 3 × 2 cells', () => {
    expect(onGrid({ x: 22, y: -3, w: 8, h: 1 })).toEqual({ x: 16, y: 0, w: 8, h: 2 });
    expect(onGrid({ x: 0, y: 0, w: 40, h: 60 })).toEqual({ x: 0, y: 0, w: 24, h: 40 });
  });

  it('finds the cell under the pointer from the grid’s width and the 40 px rows', () => {
    expect(cellAt(0, 0, 960)).toEqual({ x: 0, y: 0 });
    expect(cellAt(479, 81, 960)).toEqual({ x: 11, y: 2 });
    expect(cellAt(5000, 10, 960)).toEqual({ x: 23, y: 0 });
  });

  it('pushes a dropped widget below the ones it would cover, through a stack of them', () => {
    const others = [
      { x: 0, y: 0, w: 12, h: 4 },
      { x: 6, y: 4, w: 12, h: 3 },
    ];
    expect(withoutOverlap({ x: 4, y: 1, w: 6, h: 2 }, others)).toEqual({ x: 4, y: 7, w: 6, h: 2 });
    expect(withoutOverlap({ x: 10, y: 0, w: 12, h: 4 }, others)).toEqual({ x: 10, y: 7, w: 12, h: 4 });
    expect(withoutOverlap({ x: 18, y: 0, w: 6, h: 4 }, others)).toEqual({ x: 18, y: 0, w: 6, h: 4 });
  });

  it('lets a pointer drop rise to the first free row of its columns', () => {
    const others = [{ x: 0, y: 0, w: 12, h: 4 }];
    expect(settled({ x: 4, y: 9, w: 6, h: 2 }, others)).toEqual({ x: 4, y: 4, w: 6, h: 2 });
    expect(settled({ x: 12, y: 9, w: 6, h: 2 }, others)).toEqual({ x: 12, y: 0, w: 6, h: 2 });
    expect(settled({ x: 2, y: 1, w: 6, h: 2 }, others)).toEqual({ x: 2, y: 4, w: 6, h: 2 });
  });

  it('adds below everything, and always leaves room to drop', () => {
    expect(nextFreeRow([])).toBe(0);
    expect(nextFreeRow([{ x: 0, y: 2, w: 4, h: 5 }])).toBe(7);
    expect(gridRows([{ x: 0, y: 20, w: 4, h: 5 }])).toBe(31);
  });
});
