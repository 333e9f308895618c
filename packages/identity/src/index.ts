import './messages';

export { createApiToken, listApiTokens, revokeApiToken, type TokenScope } from './api-tokens';
export { type AuditEntry, type AuditLine, type AuditQuery, appendAudit, queryAudit } from './audit-log';
export { ensureFirstAdmin } from './bootstrap';
export { createDepartment, type Department, deleteDepartment, listDepartments, updateDepartment } from './departments';
export { type DirectoryDepartment, type DirectoryEntry, listDirectoryDepartments, searchDirectory } from './directory';
export { IdentityError, type IdentityErrorCode } from './identity-error';
export {
  loadCredential,
  loadPeopleInApp,
  loadPersonForAccess,
  loadSignedInUser,
  type PersonForAccess,
  type PersonInApp,
  type SignedInUser,
} from './principal';
export { hashPassword, MIN_PASSWORD_LENGTH, newPassword, tokenDigest, verifyPassword } from './secrets';
export { endSessions, SESSION_DAYS, signIn, signOut } from './sessions';
export { type BackoffRule, backoffSeconds, SIGN_IN_THROTTLE } from './sign-in-throttle';
export { createSignedInUserCache, IDENTITY_CHANNEL, type SignedInUserCache } from './signed-in-cache';
export { changePassword, createUser, getUser, listUsers, type NewUser, setActive, setRoles, type UserSummary, updateUser } from './users';
