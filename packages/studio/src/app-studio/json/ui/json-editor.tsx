import type { editor } from 'monaco-editor/editor';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { offsetsToRange } from '../../../formula-editor/offsets';
import { monaco } from './monaco-json';

/** A place in the text to mark, and what to say there. */
export interface JsonMark {
  offset: number;
  length: number;
  message: string;
}

interface JsonEditorProps {
  value: string;
  onChange: (value: string) => void;
  marks: readonly JsonMark[];
  label: string;
}

const OWNER = 'tessera-json-view';
const OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  language: 'json',
  minimap: { enabled: false },
  automaticLayout: true,
  scrollBeyondLastLine: false,
  tabSize: 2,
  fontSize: 13,
  fixedOverflowWidgets: true,
};

/** Monaco on the draft's JSON (loaded lazily with its JSON worker); marks are set by the caller's checks. */
export function JsonEditor({ value, onChange, marks, label }: JsonEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const [instance, setInstance] = useState<editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = onChange;
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; `value` afterwards flows in through the effect below
  useEffect(() => {
    if (!container.current) return;
    const created = monaco.editor.create(container.current, { ...OPTIONS, value, ariaLabel: label });
    const listener = created.onDidChangeModelContent(() => latest.current(created.getValue()));
    setInstance(created);
    return () => {
      listener.dispose();
      created.getModel()?.dispose();
      created.dispose();
    };
  }, []);

  // A text set from outside (discard, a draft changed elsewhere) replaces the model's as one edit, so Ctrl+Z in the editor still works.
  useEffect(() => {
    const model = instance?.getModel();
    if (!instance || !model || model.getValue() === value) return;
    // The admin keeps their place in the text: the edit would scroll to its end.
    const top = instance.getScrollTop();
    instance.executeEdits(OWNER, [{ range: model.getFullModelRange(), text: value }]);
    instance.setScrollTop(top);
  }, [instance, value]);

  useEffect(() => {
    const model = instance?.getModel();
    if (!model) return;
    const text = model.getValue();
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      marks.map((mark) => ({
        ...offsetsToRange(text, { start: mark.offset, end: mark.offset + Math.max(mark.length, 1) }),
        message: mark.message,
        severity: monaco.MarkerSeverity.Error,
      })),
    );
  }, [instance, marks]);

  return <div ref={container} className="json-view-editor" data-testid="json-editor" />;
}
