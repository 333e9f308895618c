import { request } from '../api/http';
import type { FieldValue, RecordData, RecordValues } from '../api/types';

const enc = encodeURIComponent;

function objectPath(appId: string, objectId: string): string {
  return `/api/apps/${enc(appId)}/objects/${enc(objectId)}`;
}

function formQuery(formId: string | null): string {
  return formId ? `?form=${enc(formId)}` : '';
}

/** `new` while creating, else the record id (docs/api-contract.md, drafts). */
export type DraftKey = 'new' | (string & {});

export interface StoredDraft {
  key: string;
  values: Record<string, unknown>;
  updatedAt: string;
}

/** The calls of a form being filled in: writes through a form, drafts, and unique checks. */
export const formApi = {
  createRecord: (appId: string, objectId: string, formId: string | null, values: RecordValues) =>
    request<RecordData>('POST', `${objectPath(appId, objectId)}/records${formQuery(formId)}`, { values }),

  updateRecord: (appId: string, objectId: string, formId: string | null, id: string, version: number, values: RecordValues) =>
    request<RecordData>('PATCH', `${objectPath(appId, objectId)}/records/${enc(id)}${formQuery(formId)}`, { version, values }),

  isTaken: (appId: string, objectId: string, field: string, value: FieldValue, excludeId: string | null, signal?: AbortSignal) =>
    request<{ taken: boolean }>('POST', `${objectPath(appId, objectId)}/records/unique`, { field, value, ...(excludeId ? { excludeId } : {}) }, signal),

  /** The draft under `key`, or null. Asks the list first: a missing draft is the usual case, not an error worth a 404. */
  findDraft: async (appId: string, objectId: string, key: DraftKey, signal?: AbortSignal): Promise<StoredDraft | null> => {
    const drafts = await request<{ key: string; updatedAt: string }[]>('GET', `${objectPath(appId, objectId)}/drafts`, undefined, signal);
    if (!drafts.some((d) => d.key === key)) return null;
    return request<StoredDraft>('GET', `${objectPath(appId, objectId)}/drafts/${enc(key)}`, undefined, signal);
  },

  saveDraft: (appId: string, objectId: string, key: DraftKey, values: RecordValues) =>
    request<undefined>('PUT', `${objectPath(appId, objectId)}/drafts/${enc(key)}`, { values }),

  deleteDraft: (appId: string, objectId: string, key: DraftKey) => request<undefined>('DELETE', `${objectPath(appId, objectId)}/drafts/${enc(key)}`),
};
