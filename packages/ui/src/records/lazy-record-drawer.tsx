import { type ComponentProps, lazy, useEffect, useState } from 'react';
import { loadWidgets } from '../form-runtime/widget-loader';
import { whenIdle } from '../scheduling/when-idle';

type DrawerModule = typeof import('./record-drawer');
type RecordDrawerProps = ComponentProps<DrawerModule['RecordDrawer']>;

let loaded: DrawerModule | null = null;
let loading: Promise<DrawerModule> | null = null;

/**
 * Fetches the record drawer's code and, behind it, the antd widgets its fields swap to. Called
 * when a page that can open the drawer has settled, and again on hover of what opens it, so the
 * first "New" or row click renders at once instead of waiting for the network (B6,
 * docs/benchmarks.md). Idempotent; a failed fetch is tried again on the next call.
 */
export function preloadRecordDrawer(): Promise<DrawerModule> {
  loading ??= import('./record-drawer').then(
    (module) => {
      loaded = module;
      loadWidgets().catch(() => undefined); // the fields ask again (and say so) if it fails
      return module;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * Placed on a page that can open the drawer: once the page is idle it loads the drawer's code,
 * then renders the drawer closed, which shows nothing but has antd work out the Drawer's styles
 * (a first render of an antd component computes its theme tokens, ~20–40 ms for the Drawer), so
 * the first open pays for neither.
 */
export function RecordDrawerPreload() {
  const [module, setModule] = useState<DrawerModule | null>(loaded);
  useEffect(() => {
    if (module) return undefined;
    return whenIdle(() => void preloadRecordDrawer().then(setModule, () => undefined), { timeout: 500, otherwiseAfter: 200 });
  }, [module]);
  return module ? <module.ClosedRecordDrawer /> : null;
}

const SuspendingDrawer = lazy(() => preloadRecordDrawer().then((m) => ({ default: m.RecordDrawer })));

/**
 * The record drawer: rendered directly once its code is here, through `lazy` (and the caller's
 * Suspense) before. Which of the two is fixed for each mount, so the code arriving while a
 * drawer is open never remounts it and loses what was typed.
 */
export function RecordDrawer(props: RecordDrawerProps) {
  const [Drawer] = useState(() => loaded?.RecordDrawer ?? SuspendingDrawer);
  return <Drawer {...props} />;
}
