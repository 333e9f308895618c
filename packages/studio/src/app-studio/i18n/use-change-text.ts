import type { DocumentChange } from '@tessera/meta/validate';
import { useCallback } from 'react';
import { useRoleT } from '../roles/i18n/use-role-t';
import { isRoleChange, roleChangeText } from '../roles/model/role-texts';
import { type StudioKey, useStudioT } from './use-studio-t';

/** One change between two documents in the admin's words (publish review, another admin's changes). */
export function useChangeText(): (change: DocumentChange) => string {
  const t = useStudioT();
  const roleT = useRoleT();
  return useCallback(
    (change) =>
      isRoleChange(change)
        ? roleChangeText(change, roleT)
        : t(`studio.change.${change.kind}` as StudioKey, {
            object: 'object' in change ? change.object : '',
            field: 'field' in change ? change.field : '',
            section: 'section' in change ? change.section : '',
            properties: 'properties' in change ? change.properties.join(', ') : '',
          }),
    [t, roleT],
  );
}
