import { request } from '../api/http';

const enc = encodeURIComponent;

/** One person of the address book (docs/api-contract.md, `GET /api/directory`). */
export interface DirectoryUser {
  id: string;
  name: string;
  email: string;
  departmentId: string | null;
  active: boolean;
}

/** One GB/T 2260 region (`GET /api/regions`). */
export interface Region {
  code: string;
  name: string;
}

/** The server caps a search at what a picker can show; it is never asked for everyone. */
export const USER_SEARCH_LIMIT = 20;

/** The calls the field widgets make beyond records: the address book and the region table. */
export const widgetApi = {
  searchUsers: (text: string, signal?: AbortSignal) =>
    request<DirectoryUser[]>('GET', `/api/directory?search=${enc(text)}&limit=${USER_SEARCH_LIMIT}`, undefined, signal),

  // The route accepts at most 200 ids per call; callers chunk (see user-names.ts).
  usersByIds: (ids: readonly string[], signal?: AbortSignal) =>
    request<DirectoryUser[]>('GET', `/api/directory?ids=${ids.map(enc).join(',')}`, undefined, signal),

  regions: (parent: string, signal?: AbortSignal) => request<Region[]>('GET', `/api/regions?parent=${enc(parent)}`, undefined, signal),
};
