import { useCallback, useState } from 'react';

/** Which record the drawer shows: a new one, an existing one by id, or none (closed). */
export type DrawerTarget = { mode: 'create' } | { mode: 'edit'; recordId: string } | null;

export function useDrawerTarget() {
  const [target, setTarget] = useState<DrawerTarget>(null);
  return {
    target,
    openCreate: useCallback(() => setTarget({ mode: 'create' }), []),
    openEdit: useCallback((recordId: string) => setTarget({ mode: 'edit', recordId }), []),
    close: useCallback(() => setTarget(null), []),
  };
}
