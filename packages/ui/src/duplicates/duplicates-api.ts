import { request } from '../api/http';
import type { RecordValues } from '../api/types';

const enc = encodeURIComponent;
const objectPath = (appId: string, objectId: string) => `/api/apps/${enc(appId)}/objects/${enc(objectId)}`;

/** A record the values would duplicate; one the reader may not see has no id and no name. */
export type DuplicateCandidate =
  | { visible: true; id: string; display: string | null; rule: string; score: number }
  | { visible: false; rule: string; score: number };

export interface DuplicateGroup {
  score: number;
  rules: string[];
  records: { id: string; display: string | null }[];
}

export interface DuplicateScan {
  groups: DuplicateGroup[];
  total: number;
  skippedBlocks: number;
}

export interface MergeResult {
  mergeId: string;
  survivorId: string;
  loserId: string;
  repointed: number;
}

export interface RecordMerge {
  id: string;
  survivorId: string;
  loserId: string;
  at: string;
  undone: boolean;
}

/** The duplicate routes of docs/api-contract.md. */
export const duplicatesApi = {
  check: (appId: string, objectId: string, values: RecordValues, excludeId: string | null, signal?: AbortSignal) =>
    request<{ candidates: DuplicateCandidate[] }>(
      'POST',
      `${objectPath(appId, objectId)}/duplicates/check`,
      { values, ...(excludeId ? { excludeId } : {}) },
      signal,
    ),
  scan: (appId: string, objectId: string, signal?: AbortSignal) =>
    request<DuplicateScan>('GET', `${objectPath(appId, objectId)}/duplicates`, undefined, signal),
  merge: (appId: string, objectId: string, body: { survivorId: string; loserId: string; take: string[] }) =>
    request<MergeResult>('POST', `${objectPath(appId, objectId)}/merges`, body),
  merges: (appId: string, objectId: string, recordId: string, signal?: AbortSignal) =>
    request<RecordMerge[]>('GET', `${objectPath(appId, objectId)}/records/${enc(recordId)}/merges`, undefined, signal),
  undo: (appId: string, objectId: string, mergeId: string) =>
    request<{ survivorId: string; loserId: string }>('POST', `${objectPath(appId, objectId)}/merges/${enc(mergeId)}/undo`),
};
