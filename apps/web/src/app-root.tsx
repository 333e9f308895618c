import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { AppLayout } from './shell/app-layout';
import { AppPicker } from './shell/app-picker';
import { ErrorBoundary } from './shell/error-boundary';
import { useRouteStore } from './stores/route-store';
import { useSessionStore } from './stores/session-store';

const theme = { token: { colorPrimary: '#1f6feb', borderRadius: 6 } };

/** Providers and the route switch; every page below renders inside antd's App context. */
export function AppRoot() {
  const locale = useSessionStore((s) => s.locale);
  const route = useRouteStore((s) => s.route);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp style={{ height: '100%' }}>
        <ErrorBoundary>
          {route.name === 'apps' ? <AppPicker /> : <AppLayout appId={route.appId} objectId={route.objectId} />}
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
