import type { DocumentChange } from '@tessera/meta/validate';
import { useCallback, useMemo } from 'react';
import { useStudio } from '../hooks/studio-context';
import { changeNames } from '../model/change-names';
import { changeText } from '../model/change-text';
import { useRoleT } from '../roles/i18n/use-role-t';
import { useLabel } from './use-label';
import { useStudioT } from './use-studio-t';

/** One change between two documents in the admin's words (publish review, another admin's changes), named from the draft. */
export function useChangeText(): (change: DocumentChange) => string {
  const t = useStudioT();
  const roleT = useRoleT();
  const label = useLabel();
  const draft = useStudio((s) => s.document);
  const names = useMemo(() => changeNames([draft], label), [draft, label]);
  return useCallback((change) => changeText(change, t, roleT, names), [t, roleT, names]);
}
