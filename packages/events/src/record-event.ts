/** One field of a change: its value before and after (sealed values stay sealed). */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** The record operations the history knows, plus an event about a whole import batch. */
export type RecordOperation = 'create' | 'update' | 'delete' | 'restore' | 'anonymize' | 'import';

/**
 * What made a change. A subscriber may react differently to its own kind of change (a flow
 * ignoring what flows did), but every kind is announced: formulas, imports, bulk edits and
 * flows fire triggers like a user's edit does.
 */
export type ChangeSource = 'user' | 'bulk' | 'reassign' | 'anonymize' | 'import' | 'template' | 'flow' | 'merge';

/** A committed record change as a subscriber receives it. */
export interface RecordEvent {
  /** Unique and never reused: the key a subscriber is idempotent by. */
  id: string;
  /** Commit order across the workspace; a record's events arrive in the order they committed. */
  position: string;
  appId: string;
  objectId: string;
  /** Null for an event about a whole batch. */
  recordId: string | null;
  operation: RecordOperation;
  source: ChangeSource | null;
  /** The record's version after the change. */
  version: number | null;
  /** Fields old → new (empty for delete and restore). */
  changes: FieldChange[];
  actorId: string | null;
  /** For batch events: what the batch did (counts, its id). */
  detail: Record<string, unknown> | null;
  at: string;
}

/** The outbox row joined with its history row, as the dispatcher reads it. */
export interface EventRow {
  id: string;
  position: string;
  app_id: string;
  object_id: string;
  record_id: string | null;
  operation: string;
  detail: Record<string, unknown> | null;
  at: Date;
  source: string | null;
  record_version: number | null;
  changes: FieldChange[] | null;
  actor_id: string | null;
}

export function toRecordEvent(row: EventRow): RecordEvent {
  return {
    id: String(row.id),
    position: String(row.position),
    appId: row.app_id,
    objectId: row.object_id,
    recordId: row.record_id,
    operation: row.operation as RecordOperation,
    source: row.source as ChangeSource | null,
    version: row.record_version,
    changes: row.changes ?? [],
    actorId: row.actor_id,
    detail: row.detail,
    at: new Date(row.at).toISOString(),
  };
}
