import { ApiError, fieldErrorsOf, type Problem } from '../api/problem';
import type { FieldValue } from '../api/types';
import type { DrawerPreset } from '../objects/use-drawer-target';

/**
 * The refusal of a kanban move that the user can complete in the record drawer: a 422 naming
 * some other field than the one moved (a deal moved to "lost" needs its reason). Null for the
 * rest, which keep the message and the roll-back: a 403 or 409 or a lost connection cannot be
 * fixed in a form, and a refusal of the moved value alone (the stage is required, and the card
 * went to "(empty)") would only open a form asking for another column.
 */
export function completableRefusal(error: unknown, fieldId: string): Problem | null {
  if (!(error instanceof ApiError) || error.status !== 422 || !error.problem) return null;
  const { byField } = fieldErrorsOf(error.problem);
  return Object.keys(byField).some((id) => id !== fieldId) ? error.problem : null;
}

/** What the drawer starts from to complete a refused move: the new value as the user's edit, and the refusal on its fields. */
export function movePreset(fieldId: string, value: FieldValue, problem: Problem, notice: string): DrawerPreset {
  return { values: { [fieldId]: value }, problem, notice };
}
