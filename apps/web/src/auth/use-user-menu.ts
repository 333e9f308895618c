import { useAuthStore, useRouteStore } from '@tessera/ui';
import { useState } from 'react';

export type UserMenuAction = 'password' | 'tokens' | 'admin' | 'sign-out';
type Dialog = 'password' | 'tokens' | null;

export function useUserMenu() {
  const me = useAuthStore((s) => s.me);
  const signOut = useAuthStore((s) => s.signOut);
  const navigate = useRouteStore((s) => s.navigate);
  const [dialog, setDialog] = useState<Dialog>(null);

  function run(action: UserMenuAction): void {
    if (action === 'password' || action === 'tokens') setDialog(action);
    else if (action === 'admin') navigate({ name: 'admin', section: 'users' });
    else {
      // Back to the start first: the next person to sign in here should not land on this user's page.
      navigate({ name: 'apps' }, { replace: true });
      void signOut();
    }
  }

  return { me, dialog, run, closeDialog: () => setDialog(null) };
}
