import { type Kysely, sql } from 'kysely';

/**
 * What a backup holds, read from PostgreSQL's own catalog rather than from a list kept by hand:
 * a table added by a later migration or a publish is backed up without anyone remembering it.
 */

/** The system schema (created by the migrations) and the app schemas (created by publishes). */
export const SYSTEM_SCHEMA = 'public';
/** Not part of a workspace's data: the migration bookkeeping (the restoring code has its own) and sign-in sessions (a restore signs everyone out). */
export const LEFT_OUT = ['kysely_migration', 'kysely_migration_lock', 'sessions'] as const;

export interface TableEntry {
  schema: string;
  name: string;
  /** The order rows are written and compared in. */
  primaryKey: string[];
}

export interface ColumnShape {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
}

/** An app's record table as `create table` needs it; constraints and indexes come after the rows. */
export interface AppTableShape {
  schema: string;
  name: string;
  columns: ColumnShape[];
  /** `alter table … add constraint <name> <definition>`; foreign keys last. */
  constraints: { name: string; foreignKey: boolean; definition: string }[];
  /** `create index …` statements of indexes no constraint owns. */
  indexes: string[];
}

export interface SequenceState {
  schema: string;
  name: string;
  /** null: never used. */
  lastValue: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: the catalog is not in the typed system tables
type AnyDb = Kysely<any>;

const inScope = (alias: string) => sql`(${sql.ref(alias)} = ${SYSTEM_SCHEMA} or ${sql.ref(alias)} like 'app\\_%')`;

/** Every table of the workspace: the system tables, then each app's record tables. */
export async function listTables(db: AnyDb): Promise<TableEntry[]> {
  const { rows } = await sql<{ schema: string; name: string; primary_key: string[] | null }>`
    select n.nspname as schema, c.relname as name,
      (select array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
        from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
        where i.indrelid = c.oid and i.indisprimary) as primary_key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and ${inScope('n.nspname')}
    order by n.nspname <> ${SYSTEM_SCHEMA}, n.nspname, c.relname`.execute(db);
  return rows
    .filter((row) => !(row.schema === SYSTEM_SCHEMA && (LEFT_OUT as readonly string[]).includes(row.name)))
    .map((row) => {
      if (!row.primary_key?.length) throw new Error(`table ${row.schema}.${row.name} has no primary key; a backup writes rows in key order`);
      return { schema: row.schema, name: row.name, primaryKey: row.primary_key };
    });
}

/** The app schemas' names (an app whose objects are all gone still has its schema). */
export async function listAppSchemas(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select nspname as name from pg_namespace n where n.nspname like 'app\\_%' order by 1`.execute(db);
  return rows.map((row) => row.name);
}

async function tableOid(db: AnyDb, schema: string, name: string): Promise<string> {
  const { rows } = await sql<{ oid: string }>`select c.oid::text as oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relname = ${name}`.execute(db);
  if (!rows[0]) throw new Error(`table ${schema}.${name} not found`);
  return rows[0].oid;
}

/**
 * Columns, constraints and indexes of one table, as PostgreSQL itself prints them. Not-null rules
 * go with their columns: newer servers (PGlite's among them) also list them as constraints, in a
 * syntax older ones cannot read.
 */
export async function readTableShape(db: AnyDb, schema: string, name: string): Promise<AppTableShape> {
  const oid = await tableOid(db, schema, name);
  const columns = await sql<{ name: string; type: string; not_null: boolean; default: string | null }>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default
    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = ${oid}::oid and a.attnum > 0 and not a.attisdropped order by a.attnum`.execute(db);
  const constraints = await sql<{ name: string; type: string; definition: string }>`
    select conname as name, contype as type, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = ${oid}::oid and contype <> 'n' order by contype = 'f', conname`.execute(db);
  const indexes = await sql<{ definition: string }>`select pg_get_indexdef(i.indexrelid) as definition from pg_index i
    where i.indrelid = ${oid}::oid and not exists (select 1 from pg_constraint k where k.conrelid = i.indrelid and k.conindid = i.indexrelid)
    order by 1`.execute(db);
  return {
    schema,
    name,
    columns: columns.rows.map((c) => ({ name: c.name, type: c.type, notNull: c.not_null, default: c.default })),
    constraints: constraints.rows.map((c) => ({ name: c.name, foreignKey: c.type === 'f', definition: c.definition })),
    indexes: indexes.rows.map((i) => i.definition),
  };
}

/** Where every sequence stands (auto-numbers in the app schemas, the system tables' serial ids). */
export async function readSequences(db: AnyDb): Promise<SequenceState[]> {
  const { rows } = await sql<{ schema: string; name: string; last_value: string | null }>`
    select schemaname as schema, sequencename as name, last_value::text as last_value from pg_sequences s
    where ${inScope('s.schemaname')} order by 1, 2`.execute(db);
  return rows.map((row) => ({ schema: row.schema, name: row.name, lastValue: row.last_value }));
}

/** The names of the migrations applied, in order: a backup restores only into the same schema version. */
export async function readMigrations(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}
