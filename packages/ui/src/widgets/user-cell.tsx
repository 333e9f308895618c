import { useUserName } from './use-user-name';

/** A user field in a table: the person's name (their email on hover), never the raw id. */
export function UserCell({ userId }: { userId: string }) {
  const user = useUserName(userId);
  if (!user) return null;
  return <span title={user.email}>{user.name}</span>;
}
