import { request } from '../api/http';

/** One department as every signed-in user sees it (docs/api-contract.md, `GET /api/directory/departments`). */
export interface DirectoryDepartment {
  id: string;
  name: string;
  parentId: string | null;
}

export const departmentApi = {
  /** The whole tree, flat and sorted by name: organizations have tens to a few thousand departments. */
  list: (signal?: AbortSignal) => request<DirectoryDepartment[]>('GET', '/api/directory/departments', undefined, signal),
};
