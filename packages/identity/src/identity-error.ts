import type { MessageParams } from '@tessera/i18n';

export type IdentityErrorCode =
  | 'auth.required'
  | 'auth.invalid_credentials'
  | 'auth.rate_limited'
  | 'auth.admin_required'
  | 'auth.cross_site'
  | 'auth.weak_password'
  | 'auth.wrong_password'
  | 'identity.email_taken'
  | 'identity.user_not_found'
  | 'identity.department_not_found'
  | 'identity.department_cycle'
  | 'identity.department_in_use'
  | 'identity.token_not_found'
  | 'identity.last_admin';

const STATUS: Record<IdentityErrorCode, number> = {
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.rate_limited': 429,
  'auth.admin_required': 403,
  'auth.cross_site': 403,
  'auth.weak_password': 422,
  'auth.wrong_password': 422,
  'identity.email_taken': 409,
  'identity.user_not_found': 404,
  'identity.department_not_found': 404,
  'identity.department_cycle': 422,
  'identity.department_in_use': 409,
  'identity.token_not_found': 404,
  'identity.last_admin': 409,
};

export class IdentityError extends Error {
  readonly status: number;
  constructor(
    readonly code: IdentityErrorCode,
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'IdentityError';
    this.status = STATUS[code];
  }
}
