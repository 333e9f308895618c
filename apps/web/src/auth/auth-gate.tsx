import { errorMessage, useAuthStore } from '@tessera/ui';
import { Button, Result, Spin } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useT } from '../i18n/use-t';

/**
 * The sign-in page is its own chunk, fetched once the server says nobody is signed in: its form
 * (antd's Form with its validator, Card with the Tabs under it) is for signed-out visitors only,
 * and a signed-in user's first page no longer downloads it (docs/adr/0043).
 */
const SignInPage = lazy(() => import('./sign-in-page').then((m) => ({ default: m.SignInPage })));

const pageSpinner = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;

/** Renders the app only for a signed-in user; asks the server once who that is. */
export function AuthGate({ children }: { children: ReactNode }) {
  const t = useT();
  const status = useAuthStore((s) => s.status);
  const error = useAuthStore((s) => s.error);
  const check = useAuthStore((s) => s.check);

  useEffect(() => {
    void check();
  }, [check]);

  if (status === 'checking') return pageSpinner;
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
  if (status === 'signed-out') {
    return (
      <Suspense fallback={pageSpinner}>
        <SignInPage />
      </Suspense>
    );
  }
  return children;
}
