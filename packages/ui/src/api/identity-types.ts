/** Shapes of the Authentication and Administration sections of docs/api-contract.md. */
import type { AuditLine, Department, NewUser, UserSummary } from '@tessera/identity';

// The server's own types where the API returns them as they are (type-only: nothing is bundled).
export type { AuditLine, Department };
export type AdminUser = UserSummary;
export type NewUserInput = NewUser;

/** Role ids the user holds, per app id. */
export type RolesByApp = Record<string, string[]>;

export interface Me {
  userId: string;
  email: string;
  name: string;
  departmentId: string | null;
  isAdmin: boolean;
  locale: string | null;
  roles: RolesByApp;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  id: string;
  /** The secret: this response is the only time it is ever shown. */
  token: string;
}

export interface UserChanges {
  name?: string;
  departmentId?: string | null;
  isAdmin?: boolean;
  active?: boolean;
}

export interface DepartmentChanges {
  name?: string;
  parentId?: string | null;
  headUserId?: string | null;
}

export interface AuditFilter {
  actorId?: string;
  appId?: string;
  objectId?: string;
  /** A prefix: `auth.` matches every sign-in line. */
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
}
