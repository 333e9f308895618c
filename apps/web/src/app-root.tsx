import { useRouteStore, useSessionStore } from '@tessera/ui';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { AuthGate } from './auth/auth-gate';
import { cspNonce } from './csp-nonce';
import { antdLocale } from './i18n/antd-locale';
import { ErrorBoundary } from './shell/error-boundary';
import { AppLayout, AppPicker } from './shell/signed-in-pages';

// Administration is for a few users and pulls in Tree, TreeSelect and the audit table: its own chunk.
const AdminPage = lazy(() => import('./admin/admin-page').then((m) => ({ default: m.AdminPage })));
// The approval inbox and pages: reached from the header's badge or a notification.
const ApprovalsRoute = lazy(() => import('./shell/approvals-route').then((m) => ({ default: m.ApprovalsRoute })));
// The formula playground brings Monaco (loaded later still, by the editor itself): never in the first load.
const FormulaPlaygroundPage = lazy(() => import('./studio/formula-playground-page').then((m) => ({ default: m.FormulaPlaygroundPage })));
// The app studio (designers, react-dnd, the preview) is for administrators: its own chunks, never in an end user's load.
const StudioPage = lazy(() => import('@tessera/studio/app-studio').then((m) => ({ default: m.StudioPage })));

const theme = { token: { colorPrimary: '#1f6feb', borderRadius: 6 } };
// antd's CSS-in-JS writes its style elements with the page's nonce (Content-Security-Policy).
const csp = { nonce: cspNonce };

/** Providers, the sign-in gate and the route switch; every page below renders inside antd's App context. */
export function AppRoot() {
  const locale = useSessionStore((s) => s.locale);
  const route = useRouteStore((s) => s.route);
  return (
    <ConfigProvider locale={antdLocale(locale)} theme={theme} csp={csp}>
      <AntApp style={{ height: '100%' }}>
        <ErrorBoundary>
          <AuthGate>
            {route.name === 'apps' && <AppPicker />}
            {(route.name === 'app' || route.name === 'dashboard' || route.name === 'record') && (
              <AppLayout
                appId={route.appId}
                objectId={route.name === 'dashboard' ? null : route.objectId}
                dashboardId={route.name === 'dashboard' ? route.dashboardId : null}
                recordId={route.name === 'record' ? route.recordId : null}
              />
            )}
            {route.name === 'admin' && (
              <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
                <AdminPage section={route.section} />
              </Suspense>
            )}
            {(route.name === 'approvals' || route.name === 'approval') && (
              <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
                {route.name === 'approvals' ? <ApprovalsRoute box={route.box} /> : <ApprovalsRoute instanceId={route.instanceId} />}
              </Suspense>
            )}
            {route.name === 'studio' && (
              <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
                <FormulaPlaygroundPage />
              </Suspense>
            )}
            {route.name === 'studio-app' && (
              <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
                <StudioPage appId={route.appId} />
              </Suspense>
            )}
          </AuthGate>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
