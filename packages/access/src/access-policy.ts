import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';

export type RecordAction = 'create' | 'read' | 'update' | 'delete' | 'import' | 'export';
/** Actions that touch existing rows, and so have a row scope. */
export type RowAction = 'read' | 'update' | 'delete';

/** Who is asking. Every record operation carries one; there is no anonymous path to data. */
export interface Actor {
  userId: string | null;
  departmentId: string | null;
}

/** Record tables are only known at run time: every table is a bag of columns. */
export type RecordTables = Record<string, Record<string, unknown>>;

/**
 * What one actor may do, compiled once per actor and role set. Every path to record data
 * (records API, lists, lookups, expanded relations, exports, reports, flows) asks it; none
 * reads a record table without it.
 */
export interface AccessPolicy {
  readonly actor: Actor;
  /**
   * The roles a person's policy was compiled from: they choose the form each object's records
   * are written through (`chosenForm`, ADR 0114). Absent for the administrator and internal jobs,
   * who may write through any form.
   */
  readonly roles?: readonly string[];
  /**
   * Identifies what the policy compiles to within one published version: two policies with the
   * same key build the same SQL with the same values, so a statement built for one may be reused
   * for the other. Absent: never reuse.
   */
  readonly cacheKey?: string | undefined;
  can(action: RecordAction, objectId: string): boolean;
  /**
   * The rows of `objectId` this actor may read (or, with `action`, update or delete), as a
   * predicate over the table referenced by `table`; `null` means every row.
   */
  rowScope(objectId: string, table: string, eb: ExpressionBuilder<RecordTables, string>, action?: RowAction): Expression<SqlBool> | null;
  /** Fields never returned, sorted or filtered on. */
  hiddenFields(objectId: string): ReadonlySet<string>;
  /** Fields returned but never written. */
  readOnlyFields(objectId: string): ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The policy of the built-in administrator and of internal jobs: everything, everywhere.
 * Role, field and row rules compile to the same interface.
 */
export function fullAccess(actor: Actor): AccessPolicy {
  return {
    actor,
    cacheKey: JSON.stringify(['full', actor.userId, actor.departmentId]),
    can: () => true,
    rowScope: () => null,
    hiddenFields: () => NONE,
    readOnlyFields: () => NONE,
  };
}
