import { create } from 'zustand';
import { authApi } from '../api/auth-client';
import { setUnauthorizedHandler } from '../api/http';
import type { Me } from '../api/identity-types';

/**
 * checking: asking the server who we are (first load); failed: it could not answer (network),
 * so we neither show the sign-in page nor the app; signed-out / signed-in as named.
 */
export type AuthStatus = 'checking' | 'failed' | 'signed-out' | 'signed-in';

interface AuthState {
  status: AuthStatus;
  me: Me | null;
  error: unknown;
  /** The session ended while the user was working (401): the sign-in page says so. */
  expired: boolean;
  check: () => Promise<void>;
  /** Rejects with the server's ApiError; the sign-in form shows it. */
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  expire: () => void;
}

const NO_ROLES: readonly string[] = [];

/** The role ids the signed-in user holds in `appId`: they choose which form opens (chosenForm). */
export function useMyRoleIds(appId: string | null | undefined): readonly string[] {
  return useAuthStore((s) => (appId ? s.me?.roles[appId] : undefined) ?? NO_ROLES);
}

export const useAuthStore = create<AuthState>((set, get) => ({
  status: 'checking',
  me: null,
  error: null,
  expired: false,

  check: async () => {
    set({ status: 'checking', error: null });
    try {
      set({ status: 'signed-in', me: await authApi.me(), expired: false });
    } catch (error) {
      // A 401 already went through expire(); anything else means the server is unreachable.
      if (get().status === 'checking') set({ status: 'failed', error });
    }
  },

  signIn: async (email, password) => {
    await authApi.signIn(email, password);
    set({ status: 'signed-in', me: await authApi.me(), expired: false, error: null });
  },

  signOut: async () => {
    try {
      await authApi.signOut();
    } finally {
      // Signed out locally even if the server is gone: the cookie dies with its session anyway.
      set({ status: 'signed-out', me: null, expired: false });
    }
  },

  expire: () => {
    const { status } = get();
    if (status === 'signed-in') set({ status: 'signed-out', me: null, expired: true });
    else if (status === 'checking') set({ status: 'signed-out', me: null });
  },
}));

setUnauthorizedHandler(() => useAuthStore.getState().expire());
