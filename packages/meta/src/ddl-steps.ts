import type { SqlType } from './column-types';

/** One index Tessera manages. The name is a hash of the definition, so "same name" means "same index". */
export interface IndexDefinition {
  name: string;
  object: string;
  columns: { column: string; direction: 'asc' | 'desc' }[];
  /** `dedup_variants`: a btree on whether the column differs from its duplicate-scan key (dedup-key-sql.ts). */
  method: 'btree' | 'trigram' | 'dedup_variants';
  unique: boolean;
  /** Only rows outside the recycle bin: what every list and uniqueness rule is about. */
  liveRowsOnly: boolean;
}

/**
 * The DDL a publish applies, as plain data: shown to the admin before publishing, stored with
 * the version for audit, and executed step by step inside the publish transaction.
 */
export type DdlStep =
  | { kind: 'create_schema' }
  | { kind: 'create_table'; object: string; parent: string | null }
  | { kind: 'retire_table'; object: string }
  | { kind: 'reactivate_table'; object: string }
  | { kind: 'add_column'; object: string; field: string; fieldType: string; sqlType: SqlType; target: string | null }
  | { kind: 'retire_column'; object: string; field: string }
  | { kind: 'reactivate_column'; object: string; field: string; fieldType: string }
  | { kind: 'set_field_type'; object: string; field: string; from: string; to: string }
  | {
      kind: 'change_column_type';
      object: string;
      field: string;
      from: { fieldType: string; sqlType: SqlType };
      to: { fieldType: string; sqlType: SqlType };
      /** safe: every value converts; checked: count the values that would not, refuse if any. */
      conversion: 'safe' | 'checked';
    }
  | { kind: 'retarget_relation'; object: string; field: string; from: string | null; to: string | null }
  | { kind: 'add_foreign_key'; object: string; field: string; target: string }
  | { kind: 'create_sequence'; object: string; field: string }
  /** Encrypts every value of an encrypted field still stored in clear (it was just made encrypted). */
  | { kind: 'seal_column'; object: string; field: string }
  | { kind: 'create_index'; index: IndexDefinition }
  | { kind: 'drop_index'; object: string; name: string };
