import type { RoleDefinition, RolePermission } from '@tessera/schemas';

/** How a role's rows are chosen, as a review names it: a scope, or a scope narrowed by a formula. */
function rowsOf(permission: RolePermission): string {
  const scope = permission.rows ?? 'own';
  return permission.rowFormula !== undefined ? `${scope} & ${permission.rowFormula}` : scope;
}

/** What publishing changes in who may do what, one line per role and object and aspect. */
export type RoleChange =
  | { kind: 'role_added' | 'role_removed'; role: string }
  | { kind: 'role_changed'; role: string; properties: string[] }
  | { kind: 'role_actions_changed'; role: string; object: string; added: string[]; removed: string[] }
  | { kind: 'role_rows_changed'; role: string; object: string; from: string; to: string }
  | { kind: 'role_fields_changed'; role: string; object: string; access: 'hidden' | 'readOnly'; added: string[]; removed: string[] }
  /** The form the role opens for the object's records; '' is the object's default form. */
  | { kind: 'role_form_changed'; role: string; object: string; from: string; to: string };

const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));
const NO_ACCESS: RolePermission = { object: '', actions: [] };

function diffPermission(role: string, object: string, before: RolePermission, after: RolePermission, out: RoleChange[]): void {
  const added = minus(after.actions, before.actions);
  const removed = minus(before.actions, after.actions);
  if (added.length || removed.length) out.push({ kind: 'role_actions_changed', role, object, added, removed });
  // Rows only matter while the role reads the object at all.
  if (after.actions.length && before.actions.length && rowsOf(before) !== rowsOf(after))
    out.push({ kind: 'role_rows_changed', role, object, from: rowsOf(before), to: rowsOf(after) });
  if (after.actions.length && !before.actions.length) out.push({ kind: 'role_rows_changed', role, object, from: '', to: rowsOf(after) });
  for (const [access, key] of [
    ['hidden', 'hiddenFields'],
    ['readOnly', 'readOnlyFields'],
  ] as const) {
    const was = before[key] ?? [];
    const is = after[key] ?? [];
    const shown = { added: minus(is, was), removed: minus(was, is) };
    if (shown.added.length || shown.removed.length) out.push({ kind: 'role_fields_changed', role, object, access, ...shown });
  }
  if ((before.form ?? '') !== (after.form ?? '')) out.push({ kind: 'role_form_changed', role, object, from: before.form ?? '', to: after.form ?? '' });
}

function diffRole(before: RoleDefinition, after: RoleDefinition, out: RoleChange[]): void {
  const properties = (['label', 'description'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (properties.length) out.push({ kind: 'role_changed', role: after.id, properties });
  const old = new Map((before.permissions ?? []).map((p) => [p.object, p] as const));
  const next = new Map((after.permissions ?? []).map((p) => [p.object, p] as const));
  for (const object of new Set([...old.keys(), ...next.keys()]))
    diffPermission(after.id, object, old.get(object) ?? NO_ACCESS, next.get(object) ?? NO_ACCESS, out);
}

/** The roles' changes between two versions: roles added and removed, and for each kept role what it may now do differently. */
export function diffRoles(before: readonly RoleDefinition[], after: readonly RoleDefinition[]): RoleChange[] {
  const out: RoleChange[] = [];
  const old = new Map(before.map((r) => [r.id, r] as const));
  const kept = new Set(after.map((r) => r.id));
  for (const role of after) {
    const previous = old.get(role.id);
    if (!previous) out.push({ kind: 'role_added', role: role.id });
    else diffRole(previous, role, out);
  }
  for (const role of before) if (!kept.has(role.id)) out.push({ kind: 'role_removed', role: role.id });
  return out;
}
