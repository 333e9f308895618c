import type { FieldDefinition } from '@tessera/schemas';
import { cloneElement, type ReactElement, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { WidgetContext } from '../records/field-widget';
import { LightInput, type WakeHandlers } from './light-input';
import type { PreviewKind } from './light-preview';
import { currentWidgets, loadWidgets, onWidgetsChange } from './widget-loader';
import type { WidgetProps } from './widget-props';
import { WidgetsFailed } from './widgets-failed';

interface DeferredWidgetProps {
  kind: PreviewKind;
  field: FieldDefinition;
  ctx: WidgetContext;
  props: WidgetProps;
}

/** Where the light input's caret was when it made way, so the real input continues from there. */
interface Handoff {
  focused: boolean;
  start: number | null;
  end: number | null;
  direction: 'forward' | 'backward' | 'none' | null;
}

/** `open`: woken by a click on a select, whose list then opens as a click on antd's Select would. */
type Stage = 'light' | 'live' | 'open';

function snapshot(node: HTMLElement): Handoff {
  const focused = node.ownerDocument.activeElement === node;
  const text = node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement ? node : null;
  return { focused, start: text?.selectionStart ?? null, end: text?.selectionEnd ?? null, direction: text?.selectionDirection ?? null };
}

/** Focuses the real input and puts the caret (or the selection a `select()` made) where it was. */
function takeOver(target: HTMLElement, handoff: Handoff): void {
  target.focus({ preventScroll: true });
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) || handoff.start === null || handoff.end === null) return;
  try {
    target.setSelectionRange(handoff.start, handoff.end, handoff.direction ?? undefined);
  } catch {
    // Inputs like type=email have no selection API; select all if everything was selected.
    if (handoff.start === 0 && handoff.end > 0 && handoff.end >= target.value.length) target.select();
  }
}

/**
 * Mounting 200 antd inputs is what made a wide form slow to open (B6 in docs/benchmarks.md), so
 * a field first shows a light native input and swaps in its antd widget when the user comes to
 * it: the mouse hovering it, a focus (Tab, a label click, a test's `fill`), or a click on a
 * touch screen. Focus, caret and selection move over to the real input within the same event,
 * so nothing typed is lost; once real, the field stays real. Woken before the widget chunk has
 * arrived (widget-loader.ts), the light input goes on taking keystrokes and hands over then.
 */
export function DeferredWidget({ kind, field, ctx, props }: DeferredWidgetProps) {
  const [stage, setStage] = useState<Stage>('light');
  const [, widgetsArrived] = useReducer((n: number) => n + 1, 0);
  const handoff = useRef<Handoff | null>(null);
  const pressing = useRef(false);
  const host = useRef<HTMLDivElement>(null);

  // Read without subscribing: 200 light fields need not re-render when the chunk arrives.
  const widgets = stage === 'light' ? null : currentWidgets();
  const module = widgets?.status === 'ready' ? widgets.module : null;
  const widget = useMemo(
    () => module?.fieldWidget(field, ctx) as ReactElement<WidgetProps & { defaultOpen?: boolean; autoFocus?: boolean }> | undefined,
    [module, field, ctx],
  );
  const live = widget !== undefined;

  useEffect(() => {
    if (stage === 'light' || module) return undefined;
    const unsubscribe = onWidgetsChange(widgetsArrived);
    loadWidgets().catch(() => undefined); // idempotent: joins the form's own load, or retries a failed one
    return unsubscribe;
  }, [stage, module]);

  // The light element's cleanup runs as React removes it, after a `select()` of the same event.
  const inputRef = useCallback((node: HTMLElement | null) => {
    if (!node) return undefined;
    return () => {
      handoff.current = snapshot(node);
    };
  }, []);

  // One set of handlers for the field's life, reading the latest value when called.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const [wake] = useState<WakeHandlers>(() => ({
    // Swapped before the pointer can press: React would otherwise commit a hover's update after
    // the mousedown that follows at once, and the click would fall between the two inputs.
    onPointerEnter: (event) => {
      if (event.pointerType === 'mouse') flushSync(() => setStage((s) => (s === 'light' ? 'live' : s)));
    },
    onPointerDown: () => {
      pressing.current = true;
    },
    onPointerLeave: () => {
      pressing.current = false;
    },
    // A press focuses before its click: wait for the click, so the click is not lost in between.
    onFocus: () => {
      if (!pressing.current) setStage((s) => (s === 'light' ? 'live' : s));
    },
    onClick: () => {
      pressing.current = false;
      if (kind === 'switch') latest.current.onChange(latest.current.checked !== true);
      setStage(kind === 'select' || kind === 'tags' ? 'open' : 'live');
    },
    onKeyDown: () => setStage((s) => (s === 'light' ? 'live' : s)),
  }));

  useLayoutEffect(() => {
    const pending = handoff.current;
    if (!live || !pending?.focused) return;
    handoff.current = null;
    const target = [...(host.current?.querySelectorAll<HTMLElement>('[id]') ?? [])].find((el) => el.id === props.id);
    if (target) takeOver(target, pending);
  }, [live, props.id]);

  return (
    <div ref={host} className="tessera-field-input">
      {widget ? (
        cloneElement(widget, { ...props, ...(stage === 'open' ? { defaultOpen: true, autoFocus: true } : {}) })
      ) : (
        <LightInput kind={kind} field={field} locale={ctx.locale} props={props} inputRef={inputRef} wake={wake} />
      )}
      {/* The chunk could not be fetched: the light input stays, and says so. */}
      {widgets?.status === 'failed' && <WidgetsFailed locale={ctx.locale} className="tessera-field-help" />}
    </div>
  );
}
