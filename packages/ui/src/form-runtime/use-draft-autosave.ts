import { useCallback, useEffect, useRef, useState } from 'react';
import { type FormEngine, fromWireValues, toWireValues } from './form-rules';
import type { FormStore } from './form-store';
import { type DraftKey, formApi, type StoredDraft } from './runtime-api';

const AUTOSAVE_DELAY_MS = 1000;

interface DraftOptions {
  appId: string;
  objectId: string;
  key: DraftKey;
  store: FormStore;
  engine: FormEngine;
  /** False until the record being edited has loaded: a draft is offered on top of it. */
  ready: boolean;
}

/**
 * Autosaves what the user types as a draft (debounced), offers to resume a draft left from an
 * earlier visit, and drops it once the record is saved. Requests go out one after another, so a
 * late autosave can never land after the delete that follows a save.
 */
export function useDraftAutosave({ appId, objectId, key, store, engine, ready }: DraftOptions) {
  const [offer, setOffer] = useState<StoredDraft | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<number | null>(null);
  const lastChange = useRef(0);
  const offered = useRef(false);
  const finished = useRef(false);

  const enqueue = useCallback((send: () => Promise<unknown>) => {
    // A failed autosave is not worth interrupting the user for: the next change tries again.
    queue.current = queue.current.then(send).catch(() => undefined);
  }, []);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const state = store.getState();
    if (finished.current || !state.dirty) return;
    const values = toWireValues(engine.fields, state.values);
    enqueue(() => formApi.saveDraft(appId, objectId, key, values));
  }, [appId, objectId, key, store, engine, enqueue]);

  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    // A failed lookup only means nothing is offered: the form works without it.
    formApi.findDraft(appId, objectId, key, controller.signal).then(setOffer, () => undefined);
    return () => controller.abort();
  }, [appId, objectId, key, ready]);

  useEffect(() => {
    offered.current = offer !== null;
  }, [offer]);

  // Runs on every keystroke, so it only notes the time: one timer waits out the pause in typing.
  useEffect(() => {
    const waitForPause = () => {
      const rest = lastChange.current + AUTOSAVE_DELAY_MS - Date.now();
      if (rest > 0) timer.current = window.setTimeout(waitForPause, rest);
      else flush();
    };
    return store.subscribe((state, prev) => {
      if (state.values === prev.values || !state.dirty) return;
      // Typing starts afresh: the old draft is replaced by the next autosave.
      if (offered.current) setOffer(null);
      lastChange.current = Date.now();
      if (timer.current === null) timer.current = window.setTimeout(waitForPause, AUTOSAVE_DELAY_MS);
    });
  }, [store, flush]);

  // Closing the drawer within the debounce still keeps the last keystrokes.
  useEffect(() => () => flush(), [flush]);

  const resume = useCallback(() => {
    if (!offer) return;
    const state = store.getState();
    state.reset({ ...state.values, ...fromWireValues(engine.fields, offer.values) }, state.mode, true);
    setOffer(null);
  }, [offer, store, engine]);

  const discard = useCallback(() => {
    setOffer(null);
    enqueue(() => formApi.deleteDraft(appId, objectId, key));
  }, [appId, objectId, key, enqueue]);

  /** After a successful save: nothing more is autosaved, and the draft goes. */
  const finish = useCallback(() => {
    finished.current = true;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    enqueue(() => formApi.deleteDraft(appId, objectId, key));
  }, [appId, objectId, key, enqueue]);

  return { offer, resume, discard, finish };
}
