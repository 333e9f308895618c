import { useCallback } from 'react';
import { useStudio } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';

/** A role of the draft by its id, in the admin's language. */
export function useRoleName(): (id: string) => string {
  const roles = useStudio((s) => s.document?.roles);
  const label = useLabel();
  return useCallback((id) => label(roles?.find((r) => r.id === id)?.label, id), [roles, label]);
}
