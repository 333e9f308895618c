import { type ComponentProps, lazy, useEffect, useState } from 'react';
import { loadWidgets } from '../form-runtime/widget-loader';
import { whenUserActs } from '../scheduling/when-user-acts';

type DrawerModule = typeof import('./record-drawer');
type RecordDrawerProps = ComponentProps<DrawerModule['RecordDrawer']>;

let loaded: DrawerModule | null = null;
let loading: Promise<DrawerModule> | null = null;
/** Preloads mounted while the code was on its way: each renders the closed drawer once it is here. */
const waiting = new Set<(module: DrawerModule) => void>();

/**
 * Fetches the record drawer's code and, behind it, the antd widgets its fields swap to. Called
 * on the user's first act on a page that can open the drawer, and on the pointer entering what
 * opens it, so the first "New" or row click renders at once instead of waiting for the network,
 * while a visit that opens no record never downloads it (B6, docs/benchmarks.md, docs/adr/0107).
 * Idempotent; a failed fetch is tried again on the next call.
 */
export function preloadRecordDrawer(): Promise<DrawerModule> {
  loading ??= import('./record-drawer').then(
    (module) => {
      loaded = module;
      for (const show of waiting) show(module);
      waiting.clear();
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

function preloadQuietly(): void {
  preloadRecordDrawer().catch(() => undefined); // opening the drawer will try again, and say so
}

/**
 * Placed on a page that can open the drawer: on the user's first act there (or a hover that
 * preloads) it loads the drawer's code, then renders the drawer closed, which shows nothing but
 * has antd work out the Drawer's styles (a first render of an antd component computes its theme
 * tokens, ~20–40 ms for the Drawer), so the first open pays for neither.
 */
export function RecordDrawerPreload() {
  const [module, setModule] = useState<DrawerModule | null>(loaded);
  useEffect(() => {
    if (module) return undefined;
    waiting.add(setModule);
    const cancel = whenUserActs(preloadQuietly);
    return () => {
      waiting.delete(setModule);
      cancel();
    };
  }, [module]);
  return module ? <module.ClosedRecordDrawer /> : null;
}

/** For what opens the drawer: the pointer entering it or focus on it starts fetching its code. */
export const preloadOnIntent = { onPointerEnter: preloadQuietly, onFocus: preloadQuietly } as const;

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
