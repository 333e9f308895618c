import type { LocalizedText } from '@tessera/schemas';
import { request } from '@tessera/ui';

/** What deleting an app removes (GET /api/apps/:appId/deletion-impact). */
export interface DeletionImpact {
  id: string;
  label: LocalizedText;
  objects: { id: string; label: LocalizedText; records: number }[];
  flows: { id: string; label: LocalizedText; running: number }[];
  dashboards: { id: string; label: LocalizedText }[];
  files: { count: number; bytes: number };
  versions: number;
}

const appPath = (appId: string) => `/api/apps/${encodeURIComponent(appId)}`;

export const appAdminApi = {
  deletionImpact: (appId: string, signal?: AbortSignal) => request<DeletionImpact>('GET', `${appPath(appId)}/deletion-impact`, undefined, signal),
  /** The id is repeated in the body: the server refuses a deletion that does not name the app twice. */
  remove: (appId: string) => request<{ deleted: string; cancelledInstances: number }>('DELETE', appPath(appId), { confirm: appId }),
};
