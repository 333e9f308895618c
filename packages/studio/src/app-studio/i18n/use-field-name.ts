import { useStudio } from '../hooks/studio-context';
import { useLabel } from './use-label';

/** "Object · Field" in the admin's language, as the draft names them (ids when it no longer does). */
export function useFieldName(): (objectId: string, fieldId: string) => string {
  const label = useLabel();
  const objects = useStudio((s) => s.document?.objects) ?? [];
  return (objectId, fieldId) => {
    const object = objects.find((o) => o.id === objectId);
    const field = object?.fields.find((f) => f.id === fieldId);
    return `${label(object?.label, objectId)} · ${label(field?.label, fieldId)}`;
  };
}
