import { Spin } from 'antd';
import { type ComponentProps, lazy, Suspense } from 'react';

/**
 * The pages behind the sign-in: the app picker and an app's shell (header, side menu, and the
 * list, record or dashboard in it). Neither is in the first load: a signed-out visitor sees only
 * the sign-in page, which fetches them when the user starts signing in (preloadSignedInShell), so
 * they are usually here by the time the session is (docs/adr/0107).
 */
const loadLayout = () => import('./app-layout');
const loadPicker = () => import('./app-picker');

const LazyAppLayout = lazy(() => loadLayout().then((m) => ({ default: m.AppLayout })));
const LazyAppPicker = lazy(() => loadPicker().then((m) => ({ default: m.AppPicker })));

const pageSpinner = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;

export function AppLayout(props: ComponentProps<typeof LazyAppLayout>) {
  return (
    <Suspense fallback={pageSpinner}>
      <LazyAppLayout {...props} />
    </Suspense>
  );
}

export function AppPicker() {
  return (
    <Suspense fallback={pageSpinner}>
      <LazyAppPicker />
    </Suspense>
  );
}

/** Fetches both pages' code; a failed fetch is left to the page itself, which asks again when shown. */
export function preloadSignedInShell(): void {
  loadLayout().catch(() => undefined);
  loadPicker().catch(() => undefined);
}
