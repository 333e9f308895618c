import type { RecordData } from '../../api/types';

/**
 * A line's values in the shape the shared cell renderer (objects/field-cell.tsx) reads: lines
 * have no system columns of their own in the grid, and relation names come from the label store.
 */
export function rowAsRecord(values: Readonly<Record<string, unknown>>, display: Readonly<Record<string, string>> = {}): RecordData {
  return {
    id: '',
    version: 0,
    owner_id: null,
    department_id: null,
    created_at: '',
    created_by: null,
    updated_at: '',
    updated_by: null,
    deleted_at: null,
    ...values,
    _display: { ...display },
  };
}
