import { errorMessage, useAuthStore, useSessionStore } from '@tessera/ui';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';

export interface SignInValues {
  email: string;
  password: string;
}

/**
 * Submits the sign-in form. The server's problem (wrong credentials; rate limited, with its
 * minutes) already comes in the UI language; switching the language clears it, since the
 * message would otherwise stay in the old one until the next attempt.
 */
export function useSignIn() {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const signIn = useAuthStore((s) => s.signIn);
  const expired = useAuthStore((s) => s.expired);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setError(null), [locale]);

  async function submit(values: SignInValues): Promise<void> {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(values.email.trim(), values.password);
    } catch (failure) {
      setError(errorMessage(failure, t));
      setSubmitting(false);
    }
  }

  return { submit, submitting, error, expired };
}
