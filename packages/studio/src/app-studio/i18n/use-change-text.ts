import type { DocumentChange } from '@tessera/meta/validate';
import { useCallback } from 'react';
import { type StudioKey, useStudioT } from './use-studio-t';

/** One change between two documents in the admin's words (publish review, another admin's changes). */
export function useChangeText(): (change: DocumentChange) => string {
  const t = useStudioT();
  return useCallback(
    (change) =>
      t(`studio.change.${change.kind}` as StudioKey, {
        object: 'object' in change ? change.object : '',
        field: 'field' in change ? change.field : '',
        section: 'section' in change ? change.section : '',
        properties: 'properties' in change ? change.properties.join(', ') : '',
      }),
    [t],
  );
}
