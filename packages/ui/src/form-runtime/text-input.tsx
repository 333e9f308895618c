import type { FieldDefinition } from '@tessera/schemas';
import type { ChangeEvent } from 'react';
import { boxClass } from './light-input';
import { inputModeOf, textOf } from './light-preview';
import type { WidgetProps } from './widget-props';

interface TextInputProps {
  field: FieldDefinition;
  props: WidgetProps;
}

/**
 * The input of a one-line text field (text, phone, email, URL): the browser's own, drawn as antd's
 * outlined Input (runtime.css, `tessera-light-input`, with its hover, focus, error and disabled
 * looks from antd's theme variables) and never swapped (light-preview.ts, isPlainText).
 */
export function TextInput({ field, props }: TextInputProps) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => props.onChange(event);
  return (
    <div className="tessera-field-input">
      <input
        id={props.id}
        type="text"
        inputMode={inputModeOf(field)}
        autoComplete="off"
        className={boxClass('tessera-light-input', props)}
        value={textOf(props.value)}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-required={props['aria-required']}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        onChange={onChange}
        onBlur={props.onBlur}
      />
    </div>
  );
}
