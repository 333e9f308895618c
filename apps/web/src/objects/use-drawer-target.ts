import { startTransition, useCallback, useState } from 'react';

/** Which record the drawer shows: a new one, an existing one by id, or none (closed). */
export type DrawerTarget = { mode: 'create' } | { mode: 'edit'; recordId: string } | null;

export function useDrawerTarget() {
  const [target, setTarget] = useState<DrawerTarget>(null);
  return {
    target,
    // Opening is a transition: the page stays as it is while the drawer's code loads.
    openCreate: useCallback(() => startTransition(() => setTarget({ mode: 'create' })), []),
    openEdit: useCallback((recordId: string) => startTransition(() => setTarget({ mode: 'edit', recordId })), []),
    close: useCallback(() => setTarget(null), []),
  };
}
