import { request } from './http';
import type {
  AppSummary,
  BulkResult,
  HistoryEntry,
  LiveApp,
  RecordData,
  RecordList,
  RecordQuery,
  RecordTotal,
  RecordValues,
  SavedView,
  SavedViewInput,
} from './types';

const enc = encodeURIComponent;

function recordsPath(appId: string, objectId: string): string {
  return `/api/apps/${enc(appId)}/objects/${enc(objectId)}/records`;
}

function viewsPath(appId: string, objectId: string): string {
  return `/api/apps/${enc(appId)}/objects/${enc(objectId)}/views`;
}

/** Typed calls for the runtime's part of docs/api-contract.md. */
export const api = {
  listApps: (signal?: AbortSignal) => request<AppSummary[]>('GET', '/api/apps', undefined, signal),

  liveApp: (appId: string, signal?: AbortSignal) => request<LiveApp>('GET', `/api/apps/${enc(appId)}/live`, undefined, signal),

  queryRecords: (appId: string, objectId: string, query: RecordQuery, signal?: AbortSignal) =>
    request<RecordList>('POST', `${recordsPath(appId, objectId)}/query`, query, signal),

  /** A query's total alone, so its rows (asked with `count: false`) never wait for the count. */
  countRecords: (appId: string, objectId: string, query: Pick<RecordQuery, 'filters' | 'deleted'>, signal?: AbortSignal) =>
    request<RecordTotal>('POST', `${recordsPath(appId, objectId)}/count`, query, signal),

  getRecord: (appId: string, objectId: string, id: string, signal?: AbortSignal) =>
    request<RecordData>('GET', `${recordsPath(appId, objectId)}/${enc(id)}`, undefined, signal),

  createRecord: (appId: string, objectId: string, values: RecordValues) => request<RecordData>('POST', recordsPath(appId, objectId), { values }),

  updateRecord: (appId: string, objectId: string, id: string, version: number, values: RecordValues) =>
    request<RecordData>('PATCH', `${recordsPath(appId, objectId)}/${enc(id)}`, { version, values }),

  deleteRecord: (appId: string, objectId: string, id: string) => request<undefined>('DELETE', `${recordsPath(appId, objectId)}/${enc(id)}`),

  recordHistory: (appId: string, objectId: string, id: string, signal?: AbortSignal) =>
    request<HistoryEntry[]>('GET', `${recordsPath(appId, objectId)}/${enc(id)}/history`, undefined, signal),

  bulkUpdate: (appId: string, objectId: string, ids: string[], values: RecordValues) =>
    request<BulkResult>('POST', `${recordsPath(appId, objectId)}/bulk-update`, { ids, values }),

  bulkDelete: (appId: string, objectId: string, ids: string[]) => request<BulkResult>('POST', `${recordsPath(appId, objectId)}/bulk-delete`, { ids }),

  listViews: (appId: string, objectId: string, signal?: AbortSignal) => request<SavedView[]>('GET', viewsPath(appId, objectId), undefined, signal),

  /** A new view; one with the same name is replaced. */
  createView: (appId: string, objectId: string, view: SavedViewInput) => request<{ id: string }>('POST', viewsPath(appId, objectId), view),

  updateView: (appId: string, objectId: string, viewId: string, view: SavedViewInput) =>
    request<{ id: string }>('PUT', `${viewsPath(appId, objectId)}/${enc(viewId)}`, view),

  deleteView: (appId: string, objectId: string, viewId: string) => request<undefined>('DELETE', `${viewsPath(appId, objectId)}/${enc(viewId)}`),
};
