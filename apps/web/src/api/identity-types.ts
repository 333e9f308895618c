/** Shapes of the Authentication and Administration sections of docs/api-contract.md. */

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

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  departmentId: string | null;
  isAdmin: boolean;
  active: boolean;
  roles: RolesByApp;
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  departmentId?: string | null;
  isAdmin?: boolean;
}

export interface UserChanges {
  name?: string;
  departmentId?: string | null;
  isAdmin?: boolean;
  active?: boolean;
}

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  headUserId: string | null;
}

export interface DepartmentChanges {
  name?: string;
  parentId?: string | null;
  headUserId?: string | null;
}

export interface AuditLine {
  at: string;
  actorId: string | null;
  action: string;
  subject: string | null;
  appId: string | null;
  objectId: string | null;
  recordId: string | null;
  ip: string | null;
  detail: unknown;
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
