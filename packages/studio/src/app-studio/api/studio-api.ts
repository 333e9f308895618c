import type { DocumentChange, FieldTypeChangePreview, TypeChangePreview } from '@tessera/meta/validate';
import type { AppDocument } from '@tessera/schemas';
import { request } from '@tessera/ui';

/** One change between two documents (the server's diffDocuments, the same function): its kind and what it names. */
export type { DocumentChange };

const enc = encodeURIComponent;
const appPath = (appId: string) => `/api/apps/${enc(appId)}`;

/** One DDL step publishing would run (the server's planDdl): its kind and what it names. */
export interface PlanStep {
  kind: string;
  object?: string;
  field?: string;
  index?: { name: string; object: string; columns: { column: string; direction: 'asc' | 'desc' }[]; method?: 'btree' | 'trigram'; unique?: boolean };
}

/** A data rule the draft adds over stored data, and how many live rows break it (counted by the records API with the link's filter). */
export interface RuleBreak {
  object: string;
  field: string;
  rule: 'required' | 'format';
  format?: string;
  /** null: an encrypted field the server holds no key for. */
  count: number | null;
  /** The count is an estimate (past 100,000 rows), shown with "≈" as the list shows its total. */
  countIsEstimate: boolean;
  /** The object's list page in the runtime, filtered to exactly the rows counted. */
  list: string;
}

/** What publishing a type change does to the stored rows, and the field panel's preview of one (the server's, the publish DDL's own cast). */
export type { FieldTypeChangePreview as FieldTypePreview, TypeChangePreview as TypeChange };

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  comment: string | null;
  rolledBackFrom: number | null;
}

/** The metadata routes the studio uses (docs/api-contract.md, Metadata). */
export const studioApi = {
  app: (appId: string, signal?: AbortSignal) =>
    request<{ id: string; draft: AppDocument; draftRevision: number; liveVersion: number | null }>('GET', appPath(appId), undefined, signal),
  saveDraft: (appId: string, document: AppDocument, revision: number) =>
    request<{ draftRevision: number; valid: boolean }>('PUT', `${appPath(appId)}/draft`, { document, revision }),
  diff: (appId: string, signal?: AbortSignal) =>
    request<{ changes: DocumentChange[]; plan: PlanStep[]; ruleBreaks: RuleBreak[]; typeChanges: TypeChangePreview[] }>(
      'GET',
      `${appPath(appId)}/diff`,
      undefined,
      signal,
    ),
  typePreview: (appId: string, objectId: string, fieldId: string, type: string, resultType: string | undefined, signal?: AbortSignal) => {
    const query = new URLSearchParams({ type, ...(resultType ? { resultType } : {}) });
    const path = `${appPath(appId)}/objects/${enc(objectId)}/fields/${enc(fieldId)}/type-preview?${query}`;
    return request<FieldTypeChangePreview>('GET', path, undefined, signal);
  },
  publish: (appId: string, revision: number, comment: string) =>
    request<{ version: number }>('POST', `${appPath(appId)}/publish`, { revision, ...(comment ? { comment } : {}) }),
  versions: (appId: string, signal?: AbortSignal) => request<VersionSummary[]>('GET', `${appPath(appId)}/versions`, undefined, signal),
  version: (appId: string, version: number, signal?: AbortSignal) =>
    request<{ version: number; document: AppDocument }>('GET', `${appPath(appId)}/versions/${version}`, undefined, signal),
  rollback: (appId: string, version: number) => request<{ version: number }>('POST', `${appPath(appId)}/rollback`, { version }),
};

/** Creating an app: a blank document or a copy of another app's draft under a new id (its first draft, not yet published). */
export const appsApi = {
  create: (document: AppDocument) => request<{ id: string; draftRevision: number }>('POST', '/api/apps', { document }),
};
