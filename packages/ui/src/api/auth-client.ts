import { request } from './http';
import type { ApiToken, CreatedToken, Me } from './identity-types';

const enc = encodeURIComponent;

/** The signed-in user's own calls: session, password, API tokens. */
export const authApi = {
  signIn: (email: string, password: string) => request<{ userId: string; expiresAt: string }>('POST', '/api/auth/sign-in', { email, password }),

  signOut: () => request<undefined>('POST', '/api/auth/sign-out'),

  me: (signal?: AbortSignal) => request<Me>('GET', '/api/auth/me', undefined, signal),

  changePassword: (current: string, next: string) => request<undefined>('POST', '/api/auth/password', { current, next }),

  listTokens: (signal?: AbortSignal) => request<ApiToken[]>('GET', '/api/auth/tokens', undefined, signal),

  createToken: (name: string) => request<CreatedToken>('POST', '/api/auth/tokens', { name }),

  revokeToken: (id: string) => request<undefined>('DELETE', `/api/auth/tokens/${enc(id)}`),
};
