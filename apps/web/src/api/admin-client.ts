import type { AppDocument, LocalizedText } from '@tessera/schemas';
import {
  type AdminUser,
  type AuditFilter,
  type AuditLine,
  type Department,
  type DepartmentChanges,
  type NewUserInput,
  request,
  type UserChanges,
} from '@tessera/ui';

const enc = encodeURIComponent;

/** An audit line with what it names in words: the object's label and the record's title (null when gone or not readable). */
export type LabelledAuditLine = AuditLine & { objectLabel?: LocalizedText | null; recordTitle?: string | null };

function auditQuery(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Administrators' calls (403 `auth.admin_required` for anyone else). */
export const adminApi = {
  listUsers: (signal?: AbortSignal) => request<AdminUser[]>('GET', '/api/admin/users', undefined, signal),
  createUser: (user: NewUserInput) => request<{ id: string }>('POST', '/api/admin/users', user),
  updateUser: (id: string, changes: UserChanges) => request<undefined>('PATCH', `/api/admin/users/${enc(id)}`, changes),
  setRoles: (id: string, appId: string, roles: string[]) => request<undefined>('PUT', `/api/admin/users/${enc(id)}/roles`, { appId, roles }),

  listDepartments: (signal?: AbortSignal) => request<Department[]>('GET', '/api/admin/departments', undefined, signal),
  createDepartment: (department: DepartmentChanges & { name: string }) => request<{ id: string }>('POST', '/api/admin/departments', department),
  updateDepartment: (id: string, changes: DepartmentChanges) => request<undefined>('PATCH', `/api/admin/departments/${enc(id)}`, changes),
  deleteDepartment: (id: string) => request<undefined>('DELETE', `/api/admin/departments/${enc(id)}`),

  audit: (filter: AuditFilter, signal?: AbortSignal) => request<LabelledAuditLine[]>('GET', `/api/admin/audit${auditQuery(filter)}`, undefined, signal),

  /** The draft document: role options come from it, so roles can be granted before a publish. */
  appDraft: (appId: string, signal?: AbortSignal) =>
    request<{ id: string; draft: AppDocument; draftRevision: number; liveVersion: number | null }>('GET', `/api/apps/${enc(appId)}`, undefined, signal),
};
