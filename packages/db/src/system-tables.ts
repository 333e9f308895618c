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
  departments: DepartmentsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  sign_in_throttle: SignInThrottleTable;
  form_drafts: FormDraftsTable;
  files: FilesTable;
  saved_views: SavedViewsTable;
  record_comments: RecordCommentsTable;
  record_events: RecordEventsTable;
  event_sequence: EventSequenceTable;
  event_subscribers: EventSubscribersTable;
  record_data_versions: RecordDataVersionsTable;
  jobs: JobsTable;
  flow_instances: FlowInstancesTable;
  flow_tasks: FlowTasksTable;
  flow_history: FlowHistoryTable;
  flow_commands: FlowCommandsTable;
  flow_webhook_secrets: FlowWebhookSecretsTable;
  flow_webhook_deliveries: FlowWebhookDeliveriesTable;
  flow_delegations: FlowDelegationsTable;
  notifications: NotificationsTable;
  import_batches: ImportBatchesTable;
  import_batch_records: ImportBatchRecordsTable;
  record_merges: RecordMergesTable;
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
  operation: 'create' | 'update' | 'delete' | 'restore' | 'anonymize';
  /** [{ field, old, new }] */
  changes: JSONColumnType<unknown[]>;
  actor_id: string | null;
  at: Timestamp;
  /** What made the change: 'user', 'bulk', 'reassign', 'anonymize', 'import', 'template', 'flow', 'merge'; null before 0008. */
  source: string | null;
}

export interface DepartmentsTable {
  id: Generated<string>;
  name: string;
  parent_id: string | null;
  head_user_id: string | null;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  /** argon2id, never the password itself. */
  password_hash: string;
  department_id: string | null;
  /** Workspace administrator: designs apps, manages users; every record. */
  is_admin: Generated<boolean>;
  /** Deactivated users cannot sign in, and their sessions and tokens stop working at once. */
  active: Generated<boolean>;
  locale: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  user_id: string;
  app_id: string;
  role_id: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** With scope_roles: the token acts only in this app, only with these roles. Null: as its user. */
  scope_app_id: string | null;
  scope_roles: string[] | null;
}

/** Failed sign-ins of one source and when it may try again (packages/identity sign-in-throttle.ts). */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  /** e.g. auth.sign_in, auth.sign_in_failed, meta.publish, user.deactivate, record.export */
  action: string;
  /** What the action was about when it is not a record: an email, a user id, a token id. */
  subject: string | null;
  app_id: string | null;
  object_id: string | null;
  record_id: string | null;
  ip: string | null;
  detail: JSONColumnType<Record<string, unknown>>;
}

export interface FormDraftsTable {
  user_id: string;
  app_id: string;
  object_id: string;
  /** 'new' for a record being created, else the id of the record being edited. */
  draft_key: string;
  values: JSONColumnType<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface FilesTable {
  id: string;
  app_id: string;
  name: string;
  mime: string;
  /** bigint: comes back as text. */
  size: ColumnType<string, number, number>;
  sha256: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SavedViewsTable {
  id: Generated<string>;
  user_id: string;
  app_id: string;
  object_id: string;
  name: string;
  /** { filters, sort, columns } as the records query takes them. */
  definition: JSONColumnType<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface RecordCommentsTable {
  id: Generated<string>;
  app_id: string;
  object_id: string;
  record_id: string;
  author_id: string | null;
  /** Sanitized HTML. */
  body: string;
  mentions: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
  /** When the author last rewrote it; null if never. */
  edited_at: Timestamp | null;
  /** 1 when written, +1 per edit: an edit names the version it started from (optimistic concurrency). */
  version: Generated<number>;
  /** Who removed it: its author or an administrator. */
  deleted_by: string | null;
}

/** bigint columns come back as text from both drivers. */
type BigInt = ColumnType<string, string | number, string | number>;

/**
 * The outbox of record changes (packages/events): written in the change's own transaction,
 * sequenced into commit order, delivered to every subscriber, pruned once all have it.
 */
export interface RecordEventsTable {
  id: ColumnType<string, never, never>;
  /** Commit order; null until the sequencer has seen the row committed. */
  position: BigInt | null;
  app_id: string;
  object_id: string;
  /** Null for an event about a whole batch (an import). */
  record_id: string | null;
  /** The history row holding the change (operation, version, fields old → new, actor, source). */
  history_id: BigInt | null;
  operation: string;
  detail: JSONColumnType<Record<string, unknown>> | null;
  at: Timestamp;
}

export interface EventSequenceTable {
  singleton: Generated<boolean>;
  position: BigInt;
}

export interface EventSubscribersTable {
  name: string;
  /** The last position this subscriber has applied. */
  position: BigInt;
  delivered: ColumnType<string, string | number | undefined, string | number>;
  failures: Generated<number>;
  last_error: string | null;
  retry_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecordDataVersionsTable {
  app_id: string;
  object_id: string;
  version: BigInt;
  last_event_id: BigInt;
  updated_at: Timestamp;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** Durable background work (packages/jobs). */
export interface JobsTable {
  id: ColumnType<string, never, never>;
  queue: string;
  key: string | null;
  payload: JSONColumnType<Record<string, unknown>>;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  /** The worker holding a leased job, and until when; past it, another may take the job over. */
  locked_by: string | null;
  locked_until: Timestamp | null;
  /** What a long job reports while it runs (rows done, phase), for a progress bar. */
  progress: JSONColumnType<Record<string, unknown>> | null;
  result: JSONColumnType<Record<string, unknown>> | null;
  last_error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** A flow instance (packages/flows): its whole state as one document under a revision. */
export interface FlowInstancesTable {
  id: Generated<string>;
  app_id: string;
  flow_id: string;
  app_version: number;
  object_id: string;
  record_id: string | null;
  initiator_id: string | null;
  status: ColumnType<string, string | undefined, string>;
  state: JSONColumnType<Record<string, unknown>>;
  revision: Generated<number>;
  trigger_key: string | null;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface FlowTasksTable {
  id: Generated<string>;
  instance_id: string;
  app_id: string;
  flow_id: string;
  object_id: string;
  record_id: string | null;
  node_id: string;
  round: number;
  seat_id: string;
  assignee: string;
  /** pending, waiting, approved, rejected, transferred, cancelled; cc for a copy. */
  status: string;
  comment: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface FlowHistoryTable {
  id: ColumnType<string, never, never>;
  instance_id: string;
  at: Timestamp;
  actor_id: string | null;
  kind: string;
  node_id: string | null;
  detail: JSONColumnType<Record<string, unknown>> | null;
}

export interface FlowCommandsTable {
  instance_id: string;
  key: string;
  at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  app_id: string | null;
  kind: string;
  /** Localized text: { 'zh-CN', en }. */
  title: JSONColumnType<Record<string, string>> | null;
  /** Where it leads: { instance, object, record }. */
  link: JSONColumnType<Record<string, unknown>> | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** The secret an inbound webhook of a flow is signed with. */
export interface FlowWebhookSecretsTable {
  app_id: string;
  flow_id: string;
  secret: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** A webhook delivery received (its `webhook-id`), and what it started. */
export interface FlowWebhookDeliveriesTable {
  app_id: string;
  flow_id: string;
  delivery_id: string;
  instance_id: string | null;
  record_id: string | null;
  received_at: Timestamp;
}

/** Out of office: approvals for `user_id` go to `delegate_id` in the period, for the scope. */
export interface FlowDelegationsTable {
  id: Generated<string>;
  user_id: string;
  delegate_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  app_id: string | null;
  flow_ids: string[] | null;
  created_by: string | null;
  created_at: Generated<Date>;
  cancelled_at: Timestamp | null;
}

export type ImportStatus = 'uploaded' | 'running' | 'done' | 'failed' | 'undone';

/** An import of one file into one object (packages/importer). */
export interface ImportBatchesTable {
  id: Generated<string>;
  app_id: string;
  object_id: string;
  file_id: string;
  file_name: string;
  kind: string;
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  plan: JSONColumnType<Record<string, unknown>> | null;
  result: JSONColumnType<Record<string, unknown>> | null;
  errors: JSONColumnType<Record<string, unknown>> | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  undone_at: Timestamp | null;
}

/** A record an import created or updated (with its values before), for undoing the import. */
export interface ImportBatchRecordsTable {
  batch_id: string;
  record_id: string;
  action: 'created' | 'updated';
  version: number;
  previous: JSONColumnType<Record<string, unknown>> | null;
}

/**
 * One merge of two records of an object: the loser went to the recycle bin pointing at the
 * survivor, which took some of its values and lines, and every record that pointed at the loser
 * points at the survivor. Enough is kept to undo it exactly (packages/records merge-records.ts).
 */
export interface RecordMergesTable {
  id: Generated<string>;
  app_id: string;
  object_id: string;
  survivor_id: string;
  loser_id: string;
  /** The survivor's values the merge replaced, as they were (lines with their ids). */
  survivor_before: JSONColumnType<Record<string, unknown>>;
  /** The survivor's version the merge left: an undo refuses once someone changed it since. */
  survivor_version: number;
  /** The records re-pointed from the loser to the survivor: `[{ object, field, ids }]`. */
  repointed: JSONColumnType<{ object: string; field: string; ids: string[] }[]>;
  created_by: string | null;
  created_at: Generated<Date>;
  undone_at: Date | null;
  undone_by: string | null;
}
