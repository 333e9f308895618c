import type { LocalizedText } from '@tessera/schemas';
import { type AppSummary, useRemote } from '@tessera/ui';
import { adminApi } from '../api/admin-client';

export interface AppRoles {
  appId: string;
  label: AppSummary['label'];
  roles: { id: string; label: LocalizedText }[];
}

/**
 * Role choices per app, from each app's draft (not the live version): an admin can grant a
 * role designed today, and it takes effect when the app is published.
 */
export function useAppRoles(apps: readonly AppSummary[] | null, enabled: boolean) {
  const key = enabled && apps ? apps.map((a) => `${a.id}@${a.draftRevision}`).join(',') : null;
  return useRemote<AppRoles[]>(key, (signal) =>
    Promise.all(
      (apps ?? []).map(async (app) => {
        const { draft } = await adminApi.appDraft(app.id, signal);
        return { appId: app.id, label: app.label, roles: (draft.roles ?? []).map((r) => ({ id: r.id, label: r.label })) };
      }),
    ),
  );
}
