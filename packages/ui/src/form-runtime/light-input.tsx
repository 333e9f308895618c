import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import { ConfigProvider } from 'antd';
import {
  type ChangeEvent,
  type FocusEventHandler,
  type KeyboardEventHandler,
  type MouseEventHandler,
  type PointerEventHandler,
  type RefCallback,
  useContext,
  useState,
} from 'react';
import { dateText, decimalText, numberAffixes, optionLabels, type PreviewKind, textOf } from './light-preview';
import type { WidgetProps } from './widget-props';

/** The events by which a light input asks for its real widget (deferred-widget.tsx). */
export interface WakeHandlers {
  onPointerEnter: PointerEventHandler;
  onPointerDown: PointerEventHandler;
  onPointerLeave: PointerEventHandler;
  onFocus: FocusEventHandler;
  onClick: MouseEventHandler;
  onKeyDown: KeyboardEventHandler;
}

interface LightInputProps {
  kind: PreviewKind;
  field: FieldDefinition;
  locale: Locale;
  props: WidgetProps;
  /** Receives the focusable element, so the real widget can take over its focus and selection. */
  inputRef: RefCallback<HTMLElement>;
  wake: WakeHandlers;
}

/** The look's classes: its base, its size, and its error and disabled states. */
export function boxClass(base: string, state: Pick<WidgetProps, 'status' | 'disabled' | 'size'>): string {
  return [
    base,
    state.size === 'small' ? 'tessera-light-small' : '',
    state.status === 'error' ? 'tessera-light-error' : '',
    state.disabled ? 'tessera-light-disabled' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Keeps a controlled input still: the preview of a picker has nothing to type into. */
function ignoreTyping(): void {}

type CommonProps = Pick<WidgetProps, 'id' | 'disabled' | 'aria-label' | 'aria-required' | 'aria-invalid' | 'aria-describedby'> &
  WakeHandlers & { ref: RefCallback<HTMLElement> };

/** A date's preview; only date fields read antd's locale (for the picker's own placeholder). */
function LightDate({ field, props, common }: { field: FieldDefinition; props: WidgetProps; common: CommonProps }) {
  const { locale } = useContext(ConfigProvider.ConfigContext);
  return (
    <span className={boxClass('tessera-light-box tessera-light-date', props)}>
      <input
        {...common}
        type="text"
        autoComplete="off"
        className="tessera-light-bare"
        value={dateText(field, props.value)}
        placeholder={props.placeholder ?? locale?.DatePicker?.lang.placeholder}
        onChange={ignoreTyping}
      />
    </span>
  );
}

/** A number's preview: shown as InputNumber shows it, and as typed once someone types into it. */
function LightNumber({ field, props, common }: { field: FieldDefinition; props: WidgetProps; common: CommonProps }) {
  const [typed, setTyped] = useState(false);
  const affixes = numberAffixes(field);
  const prefix = 'prefix' in props ? props.prefix : affixes.prefix;
  const { suffix } = affixes;
  // As antd's InputNumber, a spin button with its number.
  const shown = typed ? textOf(props.value) : decimalText(props.value);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    setTyped(true);
    props.onChange(event);
  };
  return (
    <span className={boxClass('tessera-light-box', props)}>
      {prefix && <span className="tessera-light-prefix">{prefix}</span>}
      <input
        {...common}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className="tessera-light-bare"
        role="spinbutton"
        aria-valuenow={Number.isFinite(Number.parseFloat(shown)) ? Number.parseFloat(shown) : undefined}
        value={shown}
        placeholder={props.placeholder}
        onChange={onChange}
      />
      {suffix && <span className="tessera-light-suffix">{suffix}</span>}
    </span>
  );
}

/**
 * A native element that looks like the field's antd input (runtime.css, `tessera-light-*`) and
 * carries its id, value, label association and ARIA state. Text and numbers typed into it go to
 * the store like the real input's; in practice the first focus or hover already swaps it.
 */
export function LightInput({ kind, field, locale, props, inputRef, wake }: LightInputProps) {
  const common: CommonProps = {
    id: props.id,
    disabled: props.disabled,
    'aria-label': props['aria-label'],
    'aria-required': props['aria-required'],
    'aria-invalid': props['aria-invalid'],
    'aria-describedby': props['aria-describedby'],
    ref: inputRef,
    ...wake,
  };
  const onText = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(event);

  switch (kind) {
    case 'textarea':
      return (
        <textarea
          {...common}
          rows={3}
          className={boxClass('tessera-light-input tessera-light-textarea', props)}
          value={textOf(props.value)}
          placeholder={props.placeholder}
          onChange={onText}
        />
      );
    case 'number':
      return <LightNumber field={field} props={props} common={common} />;
    case 'date':
      return <LightDate field={field} props={props} common={common} />;
    case 'select':
    case 'tags': {
      const labels = optionLabels(field, props.value, locale);
      const tagsId = `${props.id}_chosen`;
      const described = kind === 'tags' && labels.length > 0 ? [props['aria-describedby'], tagsId].filter(Boolean).join(' ') : props['aria-describedby'];
      return (
        <span className={boxClass(`tessera-light-box tessera-light-select${kind === 'tags' ? ' tessera-light-tags' : ''}`, props)}>
          {kind === 'tags' && labels.length > 0 && (
            <span id={tagsId} className="tessera-light-chosen">
              {labels.map((label, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: labels of the chosen options can repeat (two options, one label); the list is read-only and redrawn whole
                <span key={`${i}-${label}`} className="tessera-light-tag">
                  {label}
                </span>
              ))}
            </span>
          )}
          <input
            {...common}
            aria-describedby={described}
            type="text"
            readOnly
            role="combobox"
            aria-expanded={false}
            aria-haspopup="listbox"
            autoComplete="off"
            className="tessera-light-bare"
            value={kind === 'select' ? (labels[0] ?? '') : ''}
            placeholder={kind === 'tags' && labels.length > 0 ? undefined : props.placeholder}
          />
        </span>
      );
    }
    case 'switch':
      return (
        <button
          {...common}
          type="button"
          role="switch"
          aria-checked={props.checked === true}
          className={boxClass(`tessera-light-switch${props.checked ? ' tessera-light-switch-on' : ''}`, props)}
        >
          <span className="tessera-light-switch-handle" />
        </button>
      );
  }
}
