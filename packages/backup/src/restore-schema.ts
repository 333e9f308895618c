import { type Kysely, sql } from 'kysely';
import { SYSTEM_SCHEMA } from './catalog';
import type { Manifest } from './manifest';

// biome-ignore lint/suspicious/noExplicitAny: the catalog and record tables are not in the typed system tables
type AnyDb = Kysely<any>;
type Schema = Manifest['schema'];

/*
 * The DDL a restore runs is the text PostgreSQL printed when the backup was made (column types,
 * defaults, constraint and index definitions), as pg_restore runs a dump's: a backup is as
 * trusted as the database it came from (ADR 0094). Names always go in as identifiers.
 */

/** Before the rows: the app schemas, their sequences (auto-numbers) and their tables, columns only. */
export async function createAppTables(tx: AnyDb, schema: Schema): Promise<void> {
  for (const name of schema.appSchemas) await sql`create schema ${sql.id(name)}`.execute(tx);
  for (const sequence of schema.sequences) {
    if (sequence.schema !== SYSTEM_SCHEMA) await sql`create sequence ${sql.id(sequence.schema, sequence.name)}`.execute(tx);
  }
  for (const table of schema.appTables) {
    const columns = table.columns.map(
      (column) =>
        sql`${sql.id(column.name)} ${sql.raw(column.type)}${column.notNull ? sql` not null` : sql``}${column.default === null ? sql`` : sql` default ${sql.raw(column.default)}`}`,
    );
    await sql`create table ${sql.id(table.schema, table.name)} (${sql.join(columns)})`.execute(tx);
  }
}

/** After the rows (faster than row by row, and the order of tables no longer matters): keys, unique and check rules, indexes. */
export async function addAppConstraints(tx: AnyDb, schema: Schema): Promise<void> {
  for (const table of schema.appTables) {
    for (const constraint of table.constraints.filter((c) => !c.foreignKey))
      await sql`alter table ${sql.id(table.schema, table.name)} add constraint ${sql.id(constraint.name)} ${sql.raw(constraint.definition)}`.execute(tx);
    for (const index of table.indexes) await sql.raw(index).execute(tx);
  }
}

export interface ForeignKey {
  schema: string;
  table: string;
  name: string;
  definition: string;
}

/** The system tables' foreign keys, dropped while their rows go in (parents and children in any order), added again after. */
export async function dropSystemForeignKeys(tx: AnyDb): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`select n.nspname as schema, c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${SYSTEM_SCHEMA} and k.contype = 'f' order by 2, 3`.execute(tx);
  for (const key of rows) await sql`alter table ${sql.id(key.schema, key.table)} drop constraint ${sql.id(key.name)}`.execute(tx);
  return rows;
}

/** The app tables' foreign keys as backed up, with the system ones dropped before: every reference checked once the rows are all in. */
export async function addForeignKeys(tx: AnyDb, schema: Schema, system: ForeignKey[]): Promise<void> {
  const app = schema.appTables.flatMap((table) =>
    table.constraints.filter((c) => c.foreignKey).map((c) => ({ schema: table.schema, table: table.name, name: c.name, definition: c.definition })),
  );
  for (const key of [...system, ...app])
    await sql`alter table ${sql.id(key.schema, key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(tx);
}

/** Every sequence where it stood, so the next auto-number or id follows the last one backed up. */
export async function restoreSequences(tx: AnyDb, schema: Schema): Promise<void> {
  for (const sequence of schema.sequences) {
    if (sequence.lastValue === null) continue;
    await sql`select setval(c.oid, ${sequence.lastValue}::bigint) from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${sequence.schema} and c.relname = ${sequence.name} and c.relkind = 'S'`.execute(tx);
  }
}

/** The columns a row can be written to (no generated ones), in table order. */
export async function writableColumns(tx: AnyDb, schemaName: string, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select a.attname as name from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schemaName} and c.relname = ${table} and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by a.attnum`.execute(tx);
  return rows.map((row) => row.name);
}
