import { request } from '../api/http';

const enc = encodeURIComponent;

/** One comment as the server lists it; `body` is HTML the server has already sanitized. */
export interface RecordComment {
  id: string;
  /** Null once the author's account is gone. */
  authorId: string | null;
  body: string;
  mentions: string[];
  createdAt: string;
  /** When its author last rewrote it. */
  editedAt: string | null;
  /** Named when editing: the server refuses an edit from an older version (409). */
  version: number;
  /** Removed: listed in its place, without its text. */
  deleted: boolean;
}

function commentsPath(appId: string, objectId: string, recordId: string): string {
  return `/api/apps/${enc(appId)}/objects/${enc(objectId)}/records/${enc(recordId)}/comments`;
}

/** The record comment routes of docs/api-contract.md; kept beside the page, their only user. */
export const commentsApi = {
  list: (appId: string, objectId: string, recordId: string, signal?: AbortSignal) =>
    request<RecordComment[]>('GET', commentsPath(appId, objectId, recordId), undefined, signal),

  add: (appId: string, objectId: string, recordId: string, body: string, mentions: readonly string[]) =>
    request<{ id: string }>('POST', commentsPath(appId, objectId, recordId), { body, mentions }),

  edit: (appId: string, objectId: string, recordId: string, commentId: string, edit: { body: string; mentions: readonly string[]; version: number }) =>
    request<{ id: string; version: number }>('PATCH', `${commentsPath(appId, objectId, recordId)}/${enc(commentId)}`, edit),

  remove: (appId: string, objectId: string, recordId: string, commentId: string) =>
    request<undefined>('DELETE', `${commentsPath(appId, objectId, recordId)}/${enc(commentId)}`),
};
