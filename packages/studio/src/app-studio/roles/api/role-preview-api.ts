import type { RoleDefinition } from '@tessera/schemas';
import { type AdminUser, request } from '@tessera/ui';

/** What `POST /api/apps/:appId/roles/preview` answers: whose view it is, what the role may do on the object, its rows, one record. */
export interface RolePreview {
  viewer: { id: string; name: string };
  access: { actions: string[]; hiddenFields: string[]; readOnlyFields: string[] };
  items: Record<string, unknown>[];
  total: number | null;
  record: Record<string, unknown> | null;
  /** False for an object only the draft has: its access as drafted, no rows (it has no table until published). */
  published: boolean;
}

export interface RolePreviewQuery {
  role: RoleDefinition;
  objectId: string;
  userId?: string | undefined;
  recordId?: string | undefined;
}

/** The routes the roles section uses (docs/api-contract.md, Metadata: "view as a role"; Administration: users). */
export const rolePreviewApi = {
  preview: (appId: string, query: RolePreviewQuery, signal?: AbortSignal) =>
    request<RolePreview>('POST', `/api/apps/${encodeURIComponent(appId)}/roles/preview`, query, signal),
  users: (signal?: AbortSignal) => request<AdminUser[]>('GET', '/api/admin/users', undefined, signal),
};
