import { type ObjectDefinition, SYSTEM_COLUMN_LABELS } from '@tessera/schemas';
import { useCallback } from 'react';
import { useLabel } from '../../i18n/use-label';

/** A column of the object as the admin reads it: its field's label, or the system column's ("Created at"). */
export function useColumnName(object: ObjectDefinition): (id: string) => string {
  const label = useLabel();
  return useCallback(
    (id: string) => {
      const system = (SYSTEM_COLUMN_LABELS as Record<string, (typeof SYSTEM_COLUMN_LABELS)[keyof typeof SYSTEM_COLUMN_LABELS]>)[id];
      return label(system ?? object.fields.find((f) => f.id === id)?.label, id);
    },
    [label, object],
  );
}
