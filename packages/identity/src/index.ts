import './messages';

export { IdentityError, type IdentityErrorCode } from './identity-error';
export { hashPassword, verifyPassword, tokenDigest, MIN_PASSWORD_LENGTH } from './secrets';
export { signIn, signOut, endSessions, SESSION_DAYS, SIGN_IN_LIMIT } from './sessions';
export { createApiToken, listApiTokens, revokeApiToken, type TokenScope } from './api-tokens';
export { loadSignedInUser, type SignedInUser } from './principal';
export { createUser, getUser, listUsers, updateUser, setActive, setRoles, changePassword, type UserSummary, type NewUser } from './users';
export { listDepartments, createDepartment, updateDepartment, deleteDepartment, type Department } from './departments';
export { appendAudit, queryAudit, type AuditEntry, type AuditLine, type AuditQuery } from './audit-log';
export { ensureFirstAdmin } from './bootstrap';
export { searchDirectory, listDirectoryDepartments, type DirectoryEntry, type DirectoryDepartment } from './directory';
