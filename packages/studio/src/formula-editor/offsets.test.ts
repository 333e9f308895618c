import { describe, expect, it } from 'vitest';
import { lineStarts, offsetsToRange, offsetToPosition, positionToOffset } from './offsets';

describe('offsets ↔ Monaco positions', () => {
  it('counts UTF-16 code units on one line, as expr and Monaco both do', () => {
    const text = 'IF([金额] > 1, "😀", "b")';
    const emoji = text.indexOf('😀');
    expect(offsetToPosition(text, 0)).toEqual({ lineNumber: 1, column: 1 });
    expect(offsetToPosition(text, emoji)).toEqual({ lineNumber: 1, column: emoji + 1 });
    // The emoji is two code units: the next character is two columns on.
    expect(offsetToPosition(text, emoji + 2)).toEqual({ lineNumber: 1, column: emoji + 3 });
    expect(positionToOffset(text, { lineNumber: 1, column: emoji + 3 })).toBe(emoji + 2);
    expect(offsetsToRange(text, { start: 3, end: 7 })).toEqual({ startLineNumber: 1, startColumn: 4, endLineNumber: 1, endColumn: 8 });
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀b';
    expect(offsetToPosition(text, 2)).toEqual({ lineNumber: 1, column: 2 });
    expect(positionToOffset(text, { lineNumber: 1, column: 3 })).toBe(1);
  });

  it('handles \\n, \\r\\n and a lone \\r', () => {
    const text = '客户\r\n[名称]\n"x"\rEND';
    expect(lineStarts(text)).toEqual([0, 4, 9, 13]);
    expect(offsetToPosition(text, 4)).toEqual({ lineNumber: 2, column: 1 });
    expect(offsetToPosition(text, 7)).toEqual({ lineNumber: 2, column: 4 });
    expect(offsetToPosition(text, 13)).toEqual({ lineNumber: 4, column: 1 });
    expect(positionToOffset(text, { lineNumber: 2, column: 3 })).toBe(6);
    expect(offsetsToRange(text, { start: 2, end: 8 })).toEqual({ startLineNumber: 1, startColumn: 3, endLineNumber: 2, endColumn: 5 });
  });

  it('clamps positions past a line end or outside the text', () => {
    const text = 'ab\ncd';
    expect(positionToOffset(text, { lineNumber: 1, column: 99 })).toBe(2);
    expect(positionToOffset(text, { lineNumber: 9, column: 1 })).toBe(3);
    expect(positionToOffset(text, { lineNumber: 0, column: 0 })).toBe(0);
    expect(offsetToPosition(text, 99)).toEqual({ lineNumber: 2, column: 3 });
    expect(offsetToPosition(text, -5)).toEqual({ lineNumber: 1, column: 1 });
  });

  it('round-trips every offset of a mixed text', () => {
    const text = 'SUM(明细.金额)\r\n& "🎉"\n[客户等级] = "重点"';
    for (let offset = 0; offset <= text.length; offset++) {
      const code = text.charCodeAt(offset);
      const insidePair = code >= 0xdc00 && code <= 0xdfff;
      const afterCr = text[offset - 1] === '\r' && text[offset] === '\n';
      if (insidePair || afterCr) continue;
      expect(positionToOffset(text, offsetToPosition(text, offset)), `offset ${offset}`).toBe(offset);
    }
  });
});
