/**
 * @tessera/ui's main entry: what the host (apps/web) needs on its first paint — the API client,
 * the stores, the message catalogs and the small pieces the host's pages share with the runtime.
 *
 * Everything re-exported here lands in the host's initial chunk (its modules keep their import-time
 * effects), so only modules the first paint already loads belong here. Pages and heavy parts the
 * host loads with `import()` have their own entry in package.json's `exports`
 * (`@tessera/ui/object-page`, `@tessera/ui/record-page`, `@tessera/ui/approval-page`,
 * `@tessera/ui/approvals-inbox`, `@tessera/ui/notifications`, `@tessera/ui/department-names`); never
 * re-export them from this file. `@tessera/ui/localized` offers the pure text helpers without the
 * stores, for host code tested without a DOM.
 */
import './runtime.css';

export { authApi } from './api/auth-client';
export { api } from './api/client';
export { errorMessage } from './api/error-message';
export { isAbort, request, setUnauthorizedHandler } from './api/http';
export type {
  AdminUser,
  ApiToken,
  AuditFilter,
  AuditLine,
  CreatedToken,
  Department,
  DepartmentChanges,
  Me,
  NewUserInput,
  RolesByApp,
  UserChanges,
} from './api/identity-types';
export { ApiError, type FieldErrorMap, fieldErrorsOf, type Problem } from './api/problem';
export type { AppSummary } from './api/types';
export { type Remote, useRemote } from './api/use-remote';
export { type InboxCounts, useInboxCounts } from './approvals/inbox-counts-store';
export { localized, pluralTitle } from './i18n/localized';
export { type MessageKey, type MessageParams, type Translate, translate } from './i18n/messages';
export { useT } from './i18n/use-t';
export { ErrorState } from './shell/error-state';
export { LanguageSwitch } from './shell/language-switch';
export { type AuthStatus, useAuthStore } from './stores/auth-store';
export { useCurrentAppStore } from './stores/current-app-store';
export { ADMIN_SECTIONS, type AdminSection, type InboxBox, parseRoute, type Route, routePath, useRouteStore } from './stores/route-store';
export { useSessionStore } from './stores/session-store';
