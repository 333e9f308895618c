import { type AnalyzeResult, analyze, compileToSql } from '@tessera/expr';
import { type AppDocument, appTimeZone, type FieldDefinition, type RolePermission } from '@tessera/schemas';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type AccessPolicy, type Actor, fullAccess, type RecordAction, type RecordTables, type RowAction } from './access-policy';

/** Who the policy is for, as the identity layer knows them. */
export interface Principal extends Actor {
  userId: string;
  /** The actor's department and every department below it. */
  departmentTree: readonly string[];
  /** Role ids the user holds in this app. */
  roles: readonly string[];
  isAdmin: boolean;
}

type Eb = ExpressionBuilder<RecordTables, string>;

/** What a row formula is checked and run against. */
interface ObjectRules {
  fields: readonly FieldDefinition[];
  timeZone: string;
}

/**
 * A permission's row formula as SQL over `table`, with the actor as CURRENTUSER(). Blank counts as
 * no. A formula that does not compile (publish refuses those) fails closed: no rows.
 */
/**
 * Row formulas analyzed once per permission of a published document: policies are compiled per
 * request and asked several times each, the formulas only change with a publish.
 */
const analyzed = new WeakMap<RolePermission, AnalyzeResult>();

function analyzeRowFormula(permission: RolePermission, object: ObjectRules): AnalyzeResult {
  let result = analyzed.get(permission);
  if (!result) analyzed.set(permission, (result = analyze(permission.rowFormula ?? '', { fields: object.fields })));
  return result;
}

function formulaPredicate(permission: RolePermission, object: ObjectRules, principal: Principal, table: string, eb: Eb): Expression<SqlBool> | null {
  if (!permission.rowFormula) return null;
  const checked = analyzeRowFormula(permission, object);
  if (!checked.ok || checked.formula.type !== 'boolean') return eb.lit(false);
  const compiled = compileToSql(checked.formula, {
    column: (fieldId) => sql.ref(`${table}.${fieldId}`),
    context: { now: new Date(), timeZone: object.timeZone, currentUser: principal.userId },
  });
  return compiled.ok ? sql<SqlBool>`coalesce(${compiled.sql}, false)` : eb.lit(false);
}

function rowPredicate(permission: RolePermission, object: ObjectRules, principal: Principal, table: string, eb: Eb): Expression<SqlBool> | null {
  const scope = scopePredicate(permission, principal, table, eb);
  const formula = formulaPredicate(permission, object, principal, table, eb);
  if (scope && formula) return eb.and([scope, formula]);
  return scope ?? formula;
}

function scopePredicate(permission: RolePermission, principal: Principal, table: string, eb: Eb): Expression<SqlBool> | null {
  const column = (name: string) => eb.ref(`${table}.${name}`);
  switch (permission.rows ?? 'own') {
    case 'all':
      return null;
    case 'own':
      return eb(column('owner_id'), '=', principal.userId);
    case 'department':
      return principal.departmentId ? eb(column('department_id'), '=', principal.departmentId) : eb.lit(false);
    case 'department_tree':
      return principal.departmentTree.length ? eb(column('department_id'), 'in', [...principal.departmentTree]) : eb.lit(false);
  }
}

/** Fields blocked in every grant: one role that shows (or lets edit) a field is enough. */
function blockedInAll(grants: readonly RolePermission[], lists: (g: RolePermission) => readonly string[]): ReadonlySet<string> {
  if (grants.length === 0) return new Set();
  const [first, ...rest] = grants.map((g) => new Set(lists(g)));
  return new Set([...(first ?? [])].filter((field) => rest.every((set) => set.has(field))));
}

/**
 * Compiles an actor's roles in one app into the policy every data path asks. Roles add up:
 * an action is allowed if any role allows it, a row is visible if any read-granting role's row
 * scope covers it, and a field is hidden only if every read-granting role hides it.
 * Workspace administrators see and do everything.
 */
export function compilePolicy(document: AppDocument, principal: Principal): AccessPolicy {
  if (principal.isAdmin) return fullAccess(principal);
  const held = new Set(principal.roles);
  const permissions = (document.roles ?? []).filter((role) => held.has(role.id)).flatMap((role) => role.permissions ?? []);
  const byObject = new Map<string, RolePermission[]>();
  for (const permission of permissions) byObject.set(permission.object, [...(byObject.get(permission.object) ?? []), permission]);
  const timeZone = appTimeZone(document);
  const rulesOf = new Map(document.objects.map((o) => [o.id, { fields: o.fields, timeZone }] as const));
  const granting = (objectId: string, action: RecordAction) => (byObject.get(objectId) ?? []).filter((p) => p.actions.includes(action));

  const hidden = new Map<string, ReadonlySet<string>>();
  const readOnly = new Map<string, ReadonlySet<string>>();
  for (const objectId of byObject.keys()) {
    hidden.set(
      objectId,
      blockedInAll(granting(objectId, 'read'), (g) => g.hiddenFields ?? []),
    );
    readOnly.set(
      objectId,
      blockedInAll([...granting(objectId, 'update'), ...granting(objectId, 'create')], (g) => [...(g.readOnlyFields ?? []), ...(g.hiddenFields ?? [])]),
    );
  }

  return {
    actor: principal,
    roles: principal.roles,
    // A row formula is compiled with the clock (TODAY()), so its SQL is not the same twice.
    cacheKey: permissions.some((p) => p.rowFormula)
      ? undefined
      : JSON.stringify([principal.userId, principal.departmentId, principal.departmentTree, [...held].sort()]),
    can: (action, objectId) => granting(objectId, action).length > 0,
    rowScope(objectId: string, table: string, eb: Eb, action: RowAction = 'read') {
      const grants = granting(objectId, action);
      if (grants.length === 0) return eb.lit(false);
      const predicates: Expression<SqlBool>[] = [];
      for (const grant of grants) {
        const predicate = rowPredicate(grant, rulesOf.get(objectId) ?? { fields: [], timeZone }, principal, table, eb);
        if (predicate === null) return null;
        predicates.push(predicate);
      }
      return predicates.length === 1 ? predicates[0]! : eb.or(predicates);
    },
    hiddenFields: (objectId) => hidden.get(objectId) ?? new Set(),
    readOnlyFields: (objectId) => readOnly.get(objectId) ?? new Set(),
  };
}
