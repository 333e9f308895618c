import type { AppDocument, FilterOperator } from '@tessera/schemas';

/** Response and request shapes of docs/api-contract.md, v1. */

export interface AppSummary {
  id: string;
  label: AppDocument['label'];
  icon: AppDocument['icon'] | null;
  liveVersion: number | null;
  draftRevision: number;
  updatedAt: string;
}

export type RecordAction = 'create' | 'read' | 'update' | 'delete' | 'import' | 'export';

/** The caller's effective access to one object, as `GET …/live` reports it (the server still decides every request). */
export interface ObjectAccess {
  actions: RecordAction[];
  hiddenFields: string[];
  readOnlyFields: string[];
}

export interface LiveApp {
  version: number;
  document: AppDocument;
  /** objectId → what the signed-in user may do there. */
  access: Record<string, ObjectAccess>;
  /** objectId → formula fields computed on every read: shown, never filtered or sorted. */
  rollups: Record<string, string[]>;
}

/** One uploaded file as `POST /api/apps/:appId/files` answers it: an attachment or image value holds a list of these. */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  mime: string;
}

/** What a field holds on the wire: decimals are strings, dates `YYYY-MM-DD`, datetimes ISO 8601, files as FileRef lists, child-table rows as lists of rows. */
export type FieldValue = string | number | boolean | string[] | FileRef[] | ChildRowValues[] | null;

/** One child-table row on the wire (a quote line): its field values, and `id` once saved. */
export interface ChildRowValues {
  [fieldId: string]: FieldValue;
}

export interface SystemColumns {
  id: string;
  version: number;
  owner_id: string | null;
  department_id: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
}

export type RecordData = SystemColumns & {
  /** Display text of related records, keyed by the relation field id. */
  _display?: Record<string, string>;
  /** In a list (which carries no child rows): how many lines each child table has, by field id. */
  _lineCounts?: Record<string, number>;
  /** On an object with a dormancy rule: no activity the reader may see in its days (quality.dormantAfterDays). */
  _dormant?: boolean;
  [fieldId: string]: unknown;
};

export interface RecordFilter {
  field: string;
  op: FilterOperator;
  value?: unknown;
}

export interface RecordSort {
  field: string;
  direction: 'asc' | 'desc';
}

export interface RecordQuery {
  filters?: RecordFilter[];
  sort?: RecordSort[];
  limit?: number;
  cursor?: string;
  count?: boolean;
  deleted?: boolean;
  /** Number, currency or percent fields the server adds up over every matching row the reader may read. */
  sums?: string[];
}

export interface RecordList {
  items: RecordData[];
  total: number | null;
  totalIsEstimate: boolean;
  nextCursor: string | null;
  /** By field id, when the query asked for sums: exact decimals as text. */
  sums?: Record<string, string>;
}

export interface RecordTotal {
  total: number;
  totalIsEstimate: boolean;
}

export type RecordValues = Record<string, FieldValue>;

export interface HistoryEntry {
  operation: 'create' | 'update' | 'delete' | 'restore' | (string & {});
  version: number;
  changes: { field: string; old: unknown; new: unknown }[];
  actorId: string | null;
  at: string;
}

/** One of the user's own saved list views (`GET …/objects/:objectId/views`). */
export interface SavedView {
  id: string;
  name: string;
  filters: RecordFilter[];
  sort: RecordSort[];
  columns: string[];
  /** Absent in views saved before the search was kept. */
  search?: string;
  /** Widths (pixels) of the columns the user resized, by field id. */
  columnWidths?: Record<string, number>;
  /** The order the Kanban board shows its cards in; absent: the view's sort, when the board offers it. */
  cardOrder?: RecordSort;
  updatedAt: string;
}

export type SavedViewInput = Pick<SavedView, 'name' | 'filters' | 'sort' | 'columns' | 'search' | 'columnWidths' | 'cardOrder'>;

/** What a bulk update or delete did: records outside the caller's reach are skipped with a reason code. */
export interface BulkResult {
  /** How many records the change applied to. */
  done: number;
  skipped: { id: string; code: string }[];
}
