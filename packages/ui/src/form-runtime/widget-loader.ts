import { useSyncExternalStore } from 'react';

type WidgetModule = typeof import('../records/field-widget');

/** The module once it has arrived; `failed` when its chunk could not be fetched. */
export type WidgetsState = { status: 'loading' } | { status: 'ready'; module: WidgetModule } | { status: 'failed' };

let state: WidgetsState = { status: 'loading' };
let loading: Promise<WidgetModule> | null = null;
const listeners = new Set<() => void>();

/**
 * The antd inputs (date pickers, uploads, cascaders, child tables…) load in their own chunk,
 * started as the form opens and arriving while its light inputs are already on screen: the
 * form's first paint does not wait for code no field needs yet. Idempotent.
 */
export function loadWidgets(): Promise<WidgetModule> {
  if (state.status === 'failed') state = { status: 'loading' };
  loading ??= import('../records/field-widget').then(
    (module) => {
      state = { status: 'ready', module };
      listeners.forEach((notify) => notify());
      return module;
    },
    (error: unknown) => {
      // A chunk that cannot be fetched (a deploy replaced it, the network dropped): the fields
      // say so, and the next form opening tries again.
      state = { status: 'failed' };
      loading = null;
      listeners.forEach((notify) => notify());
      throw error;
    },
  );
  return loading;
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

const snapshot = () => state;

/** The state now, without subscribing: a light input reads it only once woken. */
export function currentWidgets(): WidgetsState {
  return state;
}

/** Calls `notify` when the module arrives (or fails); returns the unsubscribe. */
export function onWidgetsChange(notify: () => void): () => void {
  return subscribe(notify);
}

export function useWidgets(): WidgetsState {
  return useSyncExternalStore(subscribe, snapshot);
}
