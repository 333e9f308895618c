import type { SystemTables } from '@tessera/db';
import type { AppDocument } from '@tessera/schemas';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DdlStep, IndexDefinition } from './ddl-steps';
import { dedupVariantSql } from './dedup-key-sql';
import { MetaError } from './issue';
import { sequenceRef, tableRef } from './sql-names';
import { appSchemaName } from './system-columns';
import { conversionExpression, sqlType, unconvertible } from './type-change-sql';

type Tx = Kysely<SystemTables>;

async function count(tx: Tx, query: RawBuilder<{ n: string }>): Promise<number> {
  const { rows } = await query.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

async function createTable(tx: Tx, appId: string, object: string, parent: string | null): Promise<void> {
  const parentColumns = parent
    ? sql`, parent_id uuid not null references ${tableRef(appId, parent)} (id) on delete cascade, sort_index integer not null default 0`
    : sql``;
  await sql`create table ${tableRef(appId, object)} (
    id uuid primary key default gen_random_uuid(),
    version integer not null default 1,
    owner_id uuid,
    department_id uuid,
    created_at timestamptz not null default now(),
    created_by uuid,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    deleted_at timestamptz${parentColumns}
  )`.execute(tx);
}

async function changeColumnType(tx: Tx, appId: string, step: Extract<DdlStep, { kind: 'change_column_type' }>): Promise<void> {
  const table = tableRef(appId, step.object);
  const column = sql.ref(step.field);
  if (step.conversion === 'checked') {
    // The lock ALTER takes anyway, taken before the check: no write can add an unconvertible value
    // between the check and the change (which would fail the publish as a 500, not this 422).
    await sql`lock table ${table} in access exclusive mode`.execute(tx);
    const rows = await count(tx, sql<{ n: string }>`select count(*) as n from ${table} where ${unconvertible(column, step.to.sqlType)}`);
    if (rows > 0) {
      throw new MetaError('meta.unsafe_type_change', 422, [], {
        object: step.object,
        field: step.field,
        from: step.from.fieldType,
        to: step.to.fieldType,
        rows,
      });
    }
  }
  await sql`alter table ${table} alter column ${column} type ${sqlType(step.to.sqlType)} using ${conversionExpression(column, step.from.sqlType, step.to.sqlType)}`.execute(
    tx,
  );
}

function indexColumns(index: IndexDefinition): RawBuilder<unknown> {
  if (index.method === 'trigram') return sql`using gin (${sql.join(index.columns.map((c) => sql`${sql.ref(c.column)} gin_trgm_ops`))})`;
  if (index.method === 'dedup_variants') return sql`(${sql.join(index.columns.map((c) => dedupVariantSql(c.column)))})`;
  return sql`(${sql.join(index.columns.map((c) => (c.direction === 'desc' ? sql`${sql.ref(c.column)} desc` : sql.ref(c.column))))})`;
}

async function createIndex(tx: Tx, appId: string, index: IndexDefinition): Promise<void> {
  const table = tableRef(appId, index.object);
  const first = index.columns[0]?.column ?? 'id';
  if (index.unique) {
    // The lock CREATE INDEX takes anyway (writes wait, reads go on), taken before the duplicate
    // check: no write can add a duplicate between the check and the index.
    await sql`lock table ${table} in share mode`.execute(tx);
    const duplicates = await count(
      tx,
      sql<{ n: string }>`select count(*) as n from (select 1 from ${table}
      where deleted_at is null and ${sql.ref(first)} is not null group by ${sql.ref(first)} having count(*) > 1) d`,
    );
    if (duplicates > 0) throw new MetaError('meta.unique_violation', 422, [], { object: index.object, field: first, rows: duplicates });
  }
  const where = index.liveRowsOnly ? sql` where deleted_at is null` : sql``;
  await sql`create ${index.unique ? sql`unique index` : sql`index`} ${sql.id(index.name)} on ${table} ${indexColumns(index)}${where}`.execute(tx);
}

/** What publishing needs from outside the metadata layer. */
export interface PublishHooks {
  /** Encrypts a sensitive field value; absent when the server has no key. */
  encrypt?: ((plain: string) => string) | undefined;
  /**
   * Runs in the publish transaction once the new version is stored, for what must follow a new
   * live version at once (the flows' clock-started triggers plan their next tick).
   */
  published?: ((tx: Tx, appId: string, document: AppDocument) => Promise<void>) | undefined;
}

const SEAL_BATCH = 500;

async function sealColumn(tx: Tx, appId: string, step: Extract<DdlStep, { kind: 'seal_column' }>, hooks: PublishHooks): Promise<void> {
  if (!hooks.encrypt) throw new MetaError('meta.encryption_key_missing', 422);
  const table = tableRef(appId, step.object);
  const column = sql.ref(step.field);
  for (;;) {
    const { rows } = await sql<{ id: string; value: string }>`select id, ${column} as value from ${table}
      where ${column} is not null and ${column} <> '' and ${column} not like 'enc:v1:%' limit ${SEAL_BATCH}`.execute(tx);
    if (rows.length === 0) return;
    const sealed = rows.map((r) => hooks.encrypt!(r.value));
    await sql`update ${table} set ${column} = v.sealed from unnest(${rows.map((r) => r.id)}::uuid[], ${sealed}::text[]) as v(id, sealed)
      where ${table}.id = v.id`.execute(tx);
  }
}

/** Executes one step. Catalog bookkeeping (meta_columns) is the store's job, not this function's. */
export async function applyStep(tx: Tx, appId: string, step: DdlStep, hooks: PublishHooks = {}): Promise<void> {
  switch (step.kind) {
    case 'create_schema':
      return void (await sql`create schema if not exists ${sql.id(appSchemaName(appId))}`.execute(tx));
    case 'create_table':
      return createTable(tx, appId, step.object, step.parent);
    case 'add_column':
      return void (await sql`alter table ${tableRef(appId, step.object)} add column ${sql.ref(step.field)} ${sqlType(step.sqlType)}`.execute(tx));
    case 'add_foreign_key':
      return void (await sql`alter table ${tableRef(appId, step.object)} add constraint ${sql.id(`fk_${step.field}`)}
        foreign key (${sql.ref(step.field)}) references ${tableRef(appId, step.target)} (id) on delete set null`.execute(tx));
    case 'retarget_relation': {
      const table = tableRef(appId, step.object);
      const rows = await count(tx, sql<{ n: string }>`select count(*) as n from ${table} where ${sql.ref(step.field)} is not null`);
      if (rows > 0)
        throw new MetaError('meta.relation_retarget', 422, [], { object: step.object, field: step.field, from: step.from ?? '—', to: step.to ?? '—', rows });
      await sql`alter table ${table} drop constraint if exists ${sql.id(`fk_${step.field}`)}`.execute(tx);
      if (step.to) await applyStep(tx, appId, { kind: 'add_foreign_key', object: step.object, field: step.field, target: step.to }, hooks);
      return;
    }
    case 'change_column_type':
      return changeColumnType(tx, appId, step);
    case 'create_sequence':
      return void (await sql`create sequence if not exists ${sequenceRef(appId, step.object, step.field)}`.execute(tx));
    case 'create_index':
      return createIndex(tx, appId, step.index);
    case 'drop_index':
      return void (await sql`drop index if exists ${sql.id(appSchemaName(appId), step.name)}`.execute(tx));
    case 'seal_column':
      return sealColumn(tx, appId, step, hooks);
    case 'retire_table':
    case 'reactivate_table':
    case 'retire_column':
    case 'reactivate_column':
    case 'set_field_type':
      return; // metadata only: the column and its data stay where they are
  }
}
