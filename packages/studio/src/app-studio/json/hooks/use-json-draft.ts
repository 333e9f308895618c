import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { draftText, readDraftText } from '../model/json-draft';

/** Checking a large document at every key would lag the typing; this is still live to the eye. */
const CHECK_DELAY_MS = 200;

function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

/**
 * The JSON view's text and what it reads as. The text is the admin's until applied or
 * discarded: a draft changed elsewhere (undo, another section) refreshes it only while it has
 * no edits of its own, so nothing typed is ever lost.
 */
export function useJsonDraft() {
  const store = useStudioStore();
  const appId = useStudio((s) => s.appId) ?? '';
  const document = useStudio((s) => s.document);
  const current = useMemo(() => (document ? draftText(document) : ''), [document]);
  const [text, setText] = useState(current);
  // The draft's text this view last showed or applied: what "edited" is measured against.
  const base = useRef(current);
  const edited = text !== base.current;
  useEffect(() => {
    if (text === base.current) setText(current);
    if (text === base.current) base.current = current;
  }, [current, text]);
  const settled = useSettled(text);
  const read = useMemo(() => readDraftText(settled, appId), [settled, appId]);
  const checking = settled !== text;
  const apply = useCallback(() => {
    const now = readDraftText(text, appId);
    if (now.kind !== 'document') return;
    store.getState().edit(() => now.document);
    base.current = draftText(now.document);
    setText(base.current);
  }, [store, text, appId]);
  const revert = useCallback(() => {
    base.current = current;
    setText(current);
  }, [current]);
  return { appId, text, setText, read, checking, edited, draftMoved: edited && base.current !== current, apply, revert };
}
