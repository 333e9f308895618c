import { type AdminUser, type AppSummary, api, type Department, useRemote } from '@tessera/ui';
import { useEffect, useState } from 'react';
import { adminApi } from '../api/admin-client';

export interface Directory {
  users: AdminUser[];
  departments: Department[];
  apps: AppSummary[];
}

/**
 * Users, departments and apps together: every admin page names users by name, departments by
 * path and apps by label. Small lists (a company's people), so loaded whole and reloaded after
 * each change rather than patched locally.
 */
export function useDirectory() {
  const remote = useRemote<Directory>('directory', async (signal) => {
    const [users, departments, apps] = await Promise.all([adminApi.listUsers(signal), adminApi.listDepartments(signal), api.listApps(signal)]);
    return { users, departments, apps };
  });
  // While a reload runs the last answer stays on screen: tables keep their rows, no flash.
  const [last, setLast] = useState<Directory | null>(null);
  useEffect(() => {
    if (remote.status === 'ready') setLast(remote.data);
  }, [remote.status, remote.data]);
  return {
    data: remote.status === 'ready' ? remote.data : last,
    loading: remote.status === 'loading',
    error: remote.status === 'failed' ? remote.error : null,
    reload: remote.reload,
  };
}
