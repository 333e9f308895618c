import { request } from './http';
import type { AppSummary, HistoryEntry, LiveApp, RecordData, RecordList, RecordQuery, RecordValues } from './types';

const enc = encodeURIComponent;

function recordsPath(appId: string, objectId: string): string {
  return `/api/apps/${enc(appId)}/objects/${enc(objectId)}/records`;
}

/** Typed calls for the runtime's part of docs/api-contract.md. */
export const api = {
  listApps: (signal?: AbortSignal) => request<AppSummary[]>('GET', '/api/apps', undefined, signal),

  liveApp: (appId: string, signal?: AbortSignal) =>
    request<LiveApp>('GET', `/api/apps/${enc(appId)}/live`, undefined, signal),

  queryRecords: (appId: string, objectId: string, query: RecordQuery, signal?: AbortSignal) =>
    request<RecordList>('POST', `${recordsPath(appId, objectId)}/query`, query, signal),

  getRecord: (appId: string, objectId: string, id: string, signal?: AbortSignal) =>
    request<RecordData>('GET', `${recordsPath(appId, objectId)}/${enc(id)}`, undefined, signal),

  createRecord: (appId: string, objectId: string, values: RecordValues) =>
    request<RecordData>('POST', recordsPath(appId, objectId), { values }),

  updateRecord: (appId: string, objectId: string, id: string, version: number, values: RecordValues) =>
    request<RecordData>('PATCH', `${recordsPath(appId, objectId)}/${enc(id)}`, { version, values }),

  deleteRecord: (appId: string, objectId: string, id: string) =>
    request<undefined>('DELETE', `${recordsPath(appId, objectId)}/${enc(id)}`),

  recordHistory: (appId: string, objectId: string, id: string, signal?: AbortSignal) =>
    request<HistoryEntry[]>('GET', `${recordsPath(appId, objectId)}/${enc(id)}/history`, undefined, signal),
};
