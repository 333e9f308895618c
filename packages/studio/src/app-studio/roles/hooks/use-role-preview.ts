import type { RoleDefinition } from '@tessera/schemas';
import { useRemote } from '@tessera/ui';
import { useEffect, useState } from 'react';
import { rolePreviewApi } from '../api/role-preview-api';

/**
 * "View as this role": the chosen object's list and record as the server's access layer gives
 * them to the chosen person holding the role as drafted. Asked again whenever the role changes,
 * so the preview follows each edit of the matrix.
 */
export function useRolePreview(appId: string, role: RoleDefinition, firstObject: string | null, open: boolean) {
  const [objectId, setObjectId] = useState<string | null>(firstObject);
  const [userId, setUserId] = useState<string | null>(null);
  const [recordId, setRecordId] = useState<string | null>(null);
  useEffect(() => {
    if (objectId === null && firstObject) setObjectId(firstObject);
  }, [objectId, firstObject]);
  const users = useRemote(open ? 'users' : null, (signal) => rolePreviewApi.users(signal));
  const key = open && objectId ? JSON.stringify([role, objectId, userId, recordId]) : null;
  const preview = useRemote(key, (signal) =>
    rolePreviewApi.preview(appId, { role, objectId: objectId as string, userId: userId ?? undefined, recordId: recordId ?? undefined }, signal),
  );
  return {
    objectId,
    chooseObject: (id: string) => {
      setObjectId(id);
      setRecordId(null);
    },
    userId,
    chooseUser: (id: string | null) => {
      setUserId(id);
      setRecordId(null);
    },
    recordId,
    chooseRecord: setRecordId,
    users,
    preview,
  };
}
