import { request } from '../api/http';

const enc = encodeURIComponent;

/** One comment as the server lists it; `body` is HTML the server has already sanitized. */
export interface RecordComment {
  id: string;
  authorId: string;
  body: string;
  mentions: string[];
  createdAt: string;
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

  remove: (appId: string, objectId: string, recordId: string, commentId: string) =>
    request<undefined>('DELETE', `${commentsPath(appId, objectId, recordId)}/${enc(commentId)}`),
};
