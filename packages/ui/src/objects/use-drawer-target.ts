import { startTransition, useCallback, useState } from 'react';
import type { Problem } from '../api/problem';
import type { RecordValues } from '../api/types';

/**
 * An edit to start from instead of the record as stored: `values` (wire values) count as the
 * user's own edits, so a save sends them; `problem` is a refusal to show on its fields at once;
 * `notice` says why the drawer opened (a kanban move the form's rules refused, say).
 */
export interface DrawerPreset {
  values: RecordValues;
  problem: Problem | null;
  notice: string;
}

/**
 * Which record the drawer shows: a new one, an existing one by id (maybe with a preset, or as the
 * approver of the approval `approval`: read and saved through it, with their step's field
 * permissions), or none (closed).
 */
export type DrawerTarget = { mode: 'create' } | { mode: 'edit'; recordId: string; preset?: DrawerPreset; approval?: string } | null;

export function useDrawerTarget() {
  const [target, setTarget] = useState<DrawerTarget>(null);
  return {
    target,
    // Opening is a transition: the page stays as it is while the drawer's code loads.
    openCreate: useCallback(() => startTransition(() => setTarget({ mode: 'create' })), []),
    openEdit: useCallback(
      (recordId: string, preset?: DrawerPreset) => startTransition(() => setTarget(preset ? { mode: 'edit', recordId, preset } : { mode: 'edit', recordId })),
      [],
    ),
    close: useCallback(() => setTarget(null), []),
  };
}
