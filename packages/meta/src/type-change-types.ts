/* The shapes of a type-change preview, with no import: the studio reads them through `@tessera/meta/validate`. */

/**
 * What publishing a field's type change does to the rows already stored, counted in SQL with the
 * very expressions the publish DDL runs (type-change-sql.ts). Every row counts, the recycle bin's
 * too, because `alter column … using` converts them all.
 */
export interface TypeChangePreview {
  object: string;
  field: string;
  from: string;
  to: string;
  conversion: 'safe' | 'checked';
  rows: number;
  /** Had a value and keep one in the new type. */
  converted: number;
  /** Had a value (white space only) and become blank. */
  blanked: number;
  /** Were blank and stay so. */
  empty: number;
  /** Would not convert: publishing is refused while any remain (the admin fixes or clears them first). */
  failing: number;
  examples: { failing: string[]; blanked: string[]; converted: { before: string; after: string }[] };
}

/** One field's preview for the studio's panel: `convert`, or why nothing needs converting, or why it cannot be. */
export type FieldTypeChangePreview =
  | { kind: 'none' }
  | { kind: 'same' }
  | { kind: 'unsupported'; from: string; to: string }
  | ({ kind: 'convert' } & TypeChangePreview);
