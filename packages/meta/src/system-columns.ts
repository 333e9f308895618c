/**
 * Columns every record table has. Field ids may not take these names, nor PostgreSQL's own
 * hidden column names, so a field can never shadow a column the system relies on.
 */
export const SYSTEM_COLUMNS = ['id', 'version', 'owner_id', 'department_id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at'] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

/** Extra columns of a child object's table (quote lines): the owning record and row order. */
export const CHILD_COLUMNS = ['parent_id', 'sort_index'] as const;

const POSTGRES_HIDDEN_COLUMNS = ['oid', 'tableoid', 'xmin', 'xmax', 'cmin', 'cmax', 'ctid'];

export const RESERVED_FIELD_IDS: ReadonlySet<string> = new Set([
  ...SYSTEM_COLUMNS,
  ...CHILD_COLUMNS,
  ...POSTGRES_HIDDEN_COLUMNS,
  // Names the records API uses for itself in request and response bodies.
  '_display',
  'values',
]);

export function isSystemColumn(name: string): name is SystemColumn {
  return (SYSTEM_COLUMNS as readonly string[]).includes(name);
}

/** The PostgreSQL schema holding one app's record tables. */
export function appSchemaName(appId: string): string {
  return `app_${appId}`;
}
