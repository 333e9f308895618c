import { errorMessage, useAuthStore } from '@tessera/ui';
import { Button, Result, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { SignInPage } from './sign-in-page';

/** Renders the app only for a signed-in user; asks the server once who that is. */
export function AuthGate({ children }: { children: ReactNode }) {
  const t = useT();
  const status = useAuthStore((s) => s.status);
  const error = useAuthStore((s) => s.error);
  const check = useAuthStore((s) => s.check);

  useEffect(() => {
    void check();
  }, [check]);

  if (status === 'checking') return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (status === 'failed') {
    return (
      <Result
        status="warning"
        title={t('auth.unreachable')}
        subTitle={errorMessage(error, t)}
        extra={
          <Button type="primary" onClick={() => void check()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (status === 'signed-out') return <SignInPage />;
  return children;
}
