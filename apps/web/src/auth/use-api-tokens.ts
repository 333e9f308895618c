import { authApi, type CreatedToken, errorMessage, useRemote } from '@tessera/ui';
import { App } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/use-t';

/** My tokens: the list, creating one (its secret kept only until the user closes it), revoking. */
export function useApiTokens(open: boolean) {
  const t = useT();
  const { message } = App.useApp();
  const tokens = useRemote(open ? 'tokens' : null, (signal) => authApi.listTokens(signal));
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [creating, setCreating] = useState(false);

  async function create(name: string): Promise<boolean> {
    setCreating(true);
    try {
      setCreated(await authApi.createToken(name.trim()));
      tokens.reload();
      return true;
    } catch (error) {
      void message.error(errorMessage(error, t));
      return false;
    } finally {
      setCreating(false);
    }
  }

  async function revoke(id: string): Promise<void> {
    try {
      await authApi.revokeToken(id);
      void message.success(t('tokens.revokedToast'));
      tokens.reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  }

  async function copySecret(): Promise<void> {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      void message.success(t('tokens.copied'));
    } catch (error) {
      // Clipboard refused (insecure context, permissions): the secret stays selectable on screen.
      void message.error(errorMessage(error, t));
    }
  }

  return { tokens, created, creating, create, revoke, copySecret, forgetSecret: () => setCreated(null) };
}
