import type { AppDocument, LocalizedText, RoleDefinition, RolePermission, RowScope } from '@tessera/schemas';

/**
 * Pure edits of the draft's roles for the permission matrix (ADR 0035): each takes the document
 * and returns the next one — the same document when nothing changes, so no undo step is left.
 * A role holds at most one permission per object; the matrix edits that one.
 */

/** What the matrix offers as the row scope: the schema's scopes, and "formula" = every row the formula lets through. */
export type ScopeChoice = RowScope | 'formula';
/** How a role meets one field of an object. */
export type FieldAccess = 'editable' | 'readOnly' | 'hidden';
export type RecordAction = RolePermission['actions'][number];

export const ROLE_ACTIONS: readonly RecordAction[] = ['read', 'create', 'update', 'delete', 'import', 'export'];
export const SCOPE_CHOICES: readonly ScopeChoice[] = ['own', 'department', 'department_tree', 'all', 'formula'];

export function roleOf(document: AppDocument, roleId: string): RoleDefinition | undefined {
  return document.roles?.find((r) => r.id === roleId);
}

export function permissionOf(role: RoleDefinition | undefined, objectId: string): RolePermission | undefined {
  return role?.permissions?.find((p) => p.object === objectId);
}

/** A role id not used yet: role_1, role_2, … */
export function nextRoleId(document: AppDocument): string {
  const taken = new Set((document.roles ?? []).map((r) => r.id));
  let n = 1;
  while (taken.has(`role_${n}`)) n += 1;
  return `role_${n}`;
}

export function addRole(document: AppDocument, role: RoleDefinition): AppDocument {
  if (roleOf(document, role.id)) return document;
  return { ...document, roles: [...(document.roles ?? []), { permissions: [], ...role }] };
}

export function removeRole(document: AppDocument, roleId: string): AppDocument {
  if (!roleOf(document, roleId)) return document;
  return { ...document, roles: (document.roles ?? []).filter((r) => r.id !== roleId) };
}

function updateRole(document: AppDocument, roleId: string, change: (role: RoleDefinition) => RoleDefinition): AppDocument {
  const role = roleOf(document, roleId);
  if (!role) return document;
  const next = change(role);
  if (next === role) return document;
  return { ...document, roles: (document.roles ?? []).map((r) => (r === role ? next : r)) };
}

export function setRoleText(document: AppDocument, roleId: string, key: 'label' | 'description', text: LocalizedText): AppDocument {
  return updateRole(document, roleId, (role) => ({ ...role, [key]: text }));
}

/**
 * Changes the role's permission on one object; `change` gets the current one (or a fresh one
 * granting nothing, scoped to the owner's rows) and returns the next, or null to drop it.
 * A permission left with no action is dropped: it grants nothing.
 */
function updatePermission(document: AppDocument, roleId: string, objectId: string, change: (permission: RolePermission) => RolePermission | null): AppDocument {
  return updateRole(document, roleId, (role) => {
    const permissions = role.permissions ?? [];
    const current = permissionOf(role, objectId);
    const changed = change(current ?? { object: objectId, actions: [], rows: 'own' });
    const next = changed && changed.actions.length > 0 ? changed : null;
    if (current === undefined && next === null) return role;
    if (next === current) return role;
    const kept = next ? permissions.map((p) => (p === current ? next : p)) : permissions.filter((p) => p !== current);
    return { ...role, permissions: current ? kept : [...permissions, next as RolePermission] };
  });
}

/** Grants or takes away one action. Taking away `read` takes every other action with it: nothing else works on rows one cannot see. */
export function setAction(document: AppDocument, roleId: string, objectId: string, action: RecordAction, on: boolean): AppDocument {
  return updatePermission(document, roleId, objectId, (permission) => {
    if (permission.actions.includes(action) === on) return permission;
    if (!on) return { ...permission, actions: action === 'read' ? [] : permission.actions.filter((a) => a !== action) };
    const wanted = new Set([...permission.actions, action, 'read' as const]);
    return { ...permission, actions: ROLE_ACTIONS.filter((a) => wanted.has(a)) };
  });
}

/** The scope the matrix shows: "formula" when every row is narrowed by a formula alone. */
export function scopeOf(permission: RolePermission | undefined): ScopeChoice {
  if (permission?.rowFormula !== undefined && permission.rows === 'all') return 'formula';
  return permission?.rows ?? 'own';
}

/**
 * Sets the row scope. "formula" keeps every row the formula lets through, and starts the formula
 * empty — an error the admin sees at once — rather than silently granting every row; leaving
 * "formula" for another scope drops the formula with it.
 */
export function setRowScope(document: AppDocument, roleId: string, objectId: string, scope: ScopeChoice): AppDocument {
  return updatePermission(document, roleId, objectId, (permission) => {
    if (scopeOf(permission) === scope) return permission;
    if (scope === 'formula') return { ...permission, rows: 'all', rowFormula: permission.rowFormula ?? '' };
    const { rowFormula, ...rest } = permission;
    return scopeOf(permission) === 'formula' ? { ...rest, rows: scope } : { ...permission, rows: scope };
  });
}

export function setRowFormula(document: AppDocument, roleId: string, objectId: string, formula: string): AppDocument {
  return updatePermission(document, roleId, objectId, (permission) =>
    permission.rowFormula === formula ? permission : { ...permission, rowFormula: formula },
  );
}

export function fieldAccessOf(permission: RolePermission | undefined, fieldId: string): FieldAccess {
  if (permission?.hiddenFields?.includes(fieldId)) return 'hidden';
  if (permission?.readOnlyFields?.includes(fieldId)) return 'readOnly';
  return 'editable';
}

function withList(permission: RolePermission, key: 'hiddenFields' | 'readOnlyFields', fieldId: string, on: boolean): RolePermission {
  const list = (permission[key] ?? []).filter((id) => id !== fieldId);
  const next = on ? [...list, fieldId] : list;
  const { [key]: _dropped, ...rest } = permission;
  return next.length > 0 ? { ...rest, [key]: next } : rest;
}

/** Shows a field, makes it read-only or hides it from the role (on this object only). */
export function setFieldAccess(document: AppDocument, roleId: string, objectId: string, fieldId: string, access: FieldAccess): AppDocument {
  return updatePermission(document, roleId, objectId, (permission) => {
    if (fieldAccessOf(permission, fieldId) === access) return permission;
    return withList(withList(permission, 'hiddenFields', fieldId, access === 'hidden'), 'readOnlyFields', fieldId, access === 'readOnly');
  });
}
