import { canonicalFieldValue } from '@tessera/forms';
import type { FieldDefinition } from '@tessera/schemas';
import type { ImportPreview } from './imports-api';

/** A preview cell as text: dates (ISO) as their day, numbers as the digits a phone number typed as a number shows. */
export const sampleText = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? value.slice(0, 10) : String(value);

export interface StoredSample {
  /** The cell as the file has it. */
  cell: string;
  /** What the import will store when that differs from the cell (null: stored as blank); undefined when the same. */
  stored?: string | null;
}

/**
 * A sample cell and, for a column mapped to a plain-text field, the value the import will store
 * for it: the field's own cleaning rules (`canonicalFieldValue`, the same function the records
 * validator runs on every write), so the admin sees "+86 138 0013 8000 → 13800138000" before
 * anything is written. A value that breaks the format shows as it is; the dry run says why.
 */
export function storedSample(field: ImportPreview['fields'][number] | undefined, value: unknown): StoredSample {
  const cell = sampleText(value);
  if (!field || cell === '') return { cell };
  const stored = canonicalFieldValue({ ...field } as FieldDefinition, cell);
  if (stored === cell || (stored !== null && typeof stored !== 'string')) return { cell };
  return { cell, stored: stored as string | null };
}
