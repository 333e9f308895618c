/**
 * Conversions between `@tessera/expr`'s ranges (UTF-16 offsets into the whole formula) and
 * Monaco's positions (1-based line and column, also counted in UTF-16 code units). Kept pure so
 * CJK, emoji (surrogate pairs) and line breaks are tested without a browser.
 */

export interface TextPosition {
  readonly lineNumber: number;
  readonly column: number;
}

export interface TextRange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** Offsets at which each line starts; `\r\n`, `\n` and a lone `\r` all end a line, as in Monaco. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Offsets outside the text are clamped, and an offset inside a surrogate pair moves to its start. */
function clampOffset(text: string, offset: number): number {
  const clamped = Math.max(0, Math.min(Math.trunc(offset), text.length));
  const code = text.charCodeAt(clamped);
  const previous = text.charCodeAt(clamped - 1);
  const splitsPair = code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff;
  return splitsPair ? clamped - 1 : clamped;
}

export function offsetToPosition(text: string, offset: number, starts: readonly number[] = lineStarts(text)): TextPosition {
  const target = clampOffset(text, offset);
  // Binary search for the last line starting at or before the offset.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= target) low = middle;
    else high = middle - 1;
  }
  return { lineNumber: low + 1, column: target - (starts[low] as number) + 1 };
}

function lineEnd(text: string, starts: readonly number[], line: number): number {
  const next = starts[line + 1];
  if (next === undefined) return text.length;
  // The line's content stops before its line break (one or two characters).
  return text.charCodeAt(next - 2) === 13 && text.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
}

export function positionToOffset(text: string, position: TextPosition, starts: readonly number[] = lineStarts(text)): number {
  const line = Math.max(0, Math.min(position.lineNumber - 1, starts.length - 1));
  const start = starts[line] as number;
  const end = lineEnd(text, starts, line);
  return clampOffset(text, Math.max(start, Math.min(start + position.column - 1, end)));
}

export function offsetsToRange(text: string, range: { readonly start: number; readonly end: number }): TextRange {
  const starts = lineStarts(text);
  const start = offsetToPosition(text, range.start, starts);
  const end = offsetToPosition(text, Math.max(range.start, range.end), starts);
  return { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
}
