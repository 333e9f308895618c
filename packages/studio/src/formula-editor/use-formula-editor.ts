import { type CheckOptions, type Diagnostic, diagnostics } from '@tessera/expr';
import { type Locale, translate } from '@tessera/i18n';
import type { editor } from 'monaco-editor/editor';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { FORMULA_LANGUAGE_ID, FORMULA_THEME } from './formula-language';
import { registerFormulaLanguage } from './formula-providers';
import { attachSession, nextModelUri } from './formula-session';
import { monaco } from './monaco-setup';
import { offsetsToRange } from './offsets';

const MARKER_OWNER = 'tessera-formula';
/** Long enough not to flash errors at every keystroke of a word, short enough to feel live. */
export const DIAGNOSTIC_DELAY_MS = 150;

interface EditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: CheckOptions;
  readonly locale: Locale;
}

const EDITOR_OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  theme: FORMULA_THEME,
  minimap: { enabled: false },
  lineNumbers: 'off',
  glyphMargin: false,
  folding: false,
  lineDecorationsWidth: 8,
  renderLineHighlight: 'none',
  scrollBeyondLastLine: false,
  wordWrap: 'on',
  fontSize: 14,
  automaticLayout: true,
  // Suggestions and hovers must not be clipped by the card the editor sits in.
  fixedOverflowWidgets: true,
  overviewRulerLanes: 0,
  quickSuggestions: { other: true, strings: false, comments: false },
  suggestOnTriggerCharacters: true,
  parameterHints: { enabled: true },
};

/** Markers need a width: an error at the very end (a missing `)`) underlines the last character. */
function markerRange(diagnostic: Diagnostic, length: number): { start: number; end: number } {
  const { start, end } = diagnostic.range;
  if (end > start) return { start, end };
  return start < length ? { start, end: start + 1 } : { start: Math.max(0, length - 1), end: length };
}

export function toMarkers(text: string, found: readonly Diagnostic[]): editor.IMarkerData[] {
  return found.map((diagnostic) => ({
    ...offsetsToRange(text, markerRange(diagnostic, text.length)),
    message: diagnostic.message,
    code: diagnostic.code,
    severity: monaco.MarkerSeverity.Error,
  }));
}

/** The debounced text: markers and the preview follow typing without running on every key. */
function useSettled(text: string, delay: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delay);
    return () => clearTimeout(timer);
  }, [text, delay]);
  return settled;
}

/**
 * One Monaco editor with its own model, its own session (fields, language) for the shared
 * providers, and live error markers. Returns the container to render it into and the settled text.
 */
export function useFormulaEditor({ value, onChange, options, locale }: EditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [model, setModel] = useState<editor.ITextModel | null>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const [text, setText] = useState(value);
  const latest = useRef({ options, locale, onChange });
  useLayoutEffect(() => {
    latest.current = { options, locale, onChange };
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once per mount with the first value and locale; a later value comes in through the controlled effect below, a later locale through `latest` and the label effect
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    registerFormulaLanguage(monaco);
    const created = monaco.editor.createModel(value, FORMULA_LANGUAGE_ID, monaco.Uri.parse(nextModelUri()));
    const detach = attachSession(created.uri.toString(), () => ({ options: latest.current.options, locale: latest.current.locale }));
    const instance = monaco.editor.create(container, { ...EDITOR_OPTIONS, model: created, ariaLabel: translate(locale, 'studio.formula.editorLabel') });
    editorRef.current = instance;
    const subscription = created.onDidChangeContent(() => {
      const next = created.getValue();
      setText(next);
      latest.current.onChange(next);
    });
    setModel(created);
    return () => {
      subscription.dispose();
      detach();
      editorRef.current = null;
      instance.dispose();
      created.dispose();
      setModel(null);
    };
  }, []);

  // The editor's name for a screen reader follows a switch of language, as the rest of the page does.
  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: translate(locale, 'studio.formula.editorLabel') });
  }, [locale]);

  // Controlled: a value set from outside (another record, a reset) replaces the text.
  useEffect(() => {
    if (model && model.getValue() !== value) model.setValue(value);
  }, [model, value]);

  const settled = useSettled(text, DIAGNOSTIC_DELAY_MS);
  useEffect(() => {
    if (!model || model.isDisposed()) return;
    const source = model.getValue();
    const found = source.trim() === '' ? [] : diagnostics(source, options, locale);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(source, found));
  }, [model, settled, options, locale]);

  return { containerRef, settled };
}
