import { useEffect } from 'react';
import { requestUserNames, useUserNamesStore } from './user-names';
import type { DirectoryUser } from './widget-api';

/** The person behind one id, looked up (batched with the rest of the page) when first needed. */
export function useUserName(id: string | null | undefined): DirectoryUser | null | undefined {
  const user = useUserNamesStore((s) => (id ? s.users[id] : undefined));
  useEffect(() => {
    if (id) requestUserNames([id]);
  }, [id]);
  return user;
}
