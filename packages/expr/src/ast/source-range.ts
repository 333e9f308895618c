/** Offsets into the formula source in UTF-16 code units (what editors such as Monaco count). */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export const SourceRange = {
  create(start: number, end: number): SourceRange {
    return Object.freeze({ start, end });
  },
  span(from: SourceRange, to: SourceRange): SourceRange {
    return Object.freeze({ start: from.start, end: to.end });
  },
};
