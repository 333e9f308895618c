import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * The tables Tessera itself owns. Record tables (one per published object) are created
 * by the DDL planner and are not listed here: their columns are only known at run time.
 */
export interface SystemTables {
  meta_apps: MetaAppsTable;
  meta_versions: MetaVersionsTable;
  meta_columns: MetaColumnsTable;
  record_history: RecordHistoryTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MetaAppsTable {
  id: string;
  /** The admin's working copy; publish turns it into an immutable version. */
  draft: JSONColumnType<Record<string, unknown>>;
  /** Bumped by every draft save: the optimistic-concurrency token for two admins editing. */
  draft_revision: Generated<number>;
  live_version: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MetaVersionsTable {
  app_id: string;
  version: number;
  document: JSONColumnType<Record<string, unknown>>;
  /** The DDL steps this publish applied, kept for audit. */
  plan: JSONColumnType<unknown[]>;
  comment: string | null;
  published_by: string | null;
  published_at: Timestamp;
  /** Set when this version was produced by rolling back to an older one. */
  rolled_back_from: number | null;
}

/**
 * The physical state of record tables: which columns exist and with what field type.
 * Publishing diffs the draft against this (not against the last document), so a field removed
 * in one version and restored in a later one finds its data again.
 */
export interface MetaColumnsTable {
  app_id: string;
  object_id: string;
  /** '' stands for the table itself. */
  field_id: string;
  field_type: string;
  sql_type: string;
  /** relation: the object its foreign key points at. */
  target: string | null;
  /** Removed from the published document; data kept until an explicit purge. */
  retired_at: Timestamp | null;
}

export interface RecordHistoryTable {
  id: Generated<string>;
  app_id: string;
  object_id: string;
  record_id: string;
  record_version: number;
  operation: 'create' | 'update' | 'delete' | 'restore';
  /** [{ field, old, new }] */
  changes: JSONColumnType<unknown[]>;
  actor_id: string | null;
  at: Timestamp;
}
