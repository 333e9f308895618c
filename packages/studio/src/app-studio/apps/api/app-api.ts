import type { DeletionImpact } from '@tessera/meta/validate';
import { request } from '@tessera/ui';

export type { DeletionImpact };

const appPath = (appId: string) => `/api/apps/${encodeURIComponent(appId)}`;

export const appAdminApi = {
  deletionImpact: (appId: string, signal?: AbortSignal) => request<DeletionImpact>('GET', `${appPath(appId)}/deletion-impact`, undefined, signal),
  /** The id is repeated in the body: the server refuses a deletion that does not name the app twice. */
  remove: (appId: string) => request<{ deleted: string; cancelledInstances: number }>('DELETE', appPath(appId), { confirm: appId }),
};
