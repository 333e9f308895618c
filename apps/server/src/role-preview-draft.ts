import type { ObjectAccess } from '@tessera/access';
import { type AppDocument, RECORD_ACTIONS } from '@tessera/schemas';

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * A drafted role as the live app can preview it: its permissions on objects only the draft has,
 * and the draft-only fields it hides or locks, are left out — they have no table or column to
 * read rows from yet. What remains is checked like publish checks it; the rest is shown as drafted.
 */
export function roleForLiveApp(role: unknown, live: AppDocument): unknown {
  if (!isObject(role) || !Array.isArray(role.permissions)) return role;
  const fieldsOf = new Map(live.objects.map((o) => [o.id, new Set(o.fields.map((f) => f.id))] as const));
  const permissions = role.permissions.flatMap((permission: unknown) => {
    if (!isObject(permission) || typeof permission.object !== 'string') return [permission];
    const fields = fieldsOf.get(permission.object);
    if (!fields) return [];
    const narrowed: Loose = { ...permission };
    for (const key of ['hiddenFields', 'readOnlyFields'] as const)
      if (Array.isArray(permission[key])) narrowed[key] = strings(permission[key]).filter((id) => fields.has(id));
    return [narrowed];
  });
  return { ...role, permissions };
}

/** A draft-only object's access under the drafted role, as `objectAccess` gives it for one role with one permission: its own lists. */
export function draftedAccess(role: unknown, objectId: string): ObjectAccess {
  const permission =
    isObject(role) && Array.isArray(role.permissions) ? role.permissions.find((p: unknown) => isObject(p) && p.object === objectId) : undefined;
  if (!isObject(permission)) return { actions: [], hiddenFields: [], readOnlyFields: [] };
  const drafted = strings(permission.actions);
  const actions = RECORD_ACTIONS.filter((action) => drafted.includes(action));
  return { actions, hiddenFields: strings(permission.hiddenFields).sort(), readOnlyFields: strings(permission.readOnlyFields).sort() };
}
