import type { FieldDefinition } from '@tessera/schemas';
import { ConfigProvider } from 'antd';
import { boxClass } from '../../form-runtime/light-input';
import { inputModeOf, textOf } from '../../form-runtime/light-preview';

interface CellTextInputProps {
  field: FieldDefinition;
  /** The rest comes from the grid cell (grid-cell.tsx), which clones this element with them. */
  id?: string;
  value?: unknown;
  status?: 'error';
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  onChange?: (event: unknown) => void;
  onBlur?: () => void;
}

/**
 * A text cell's input: the browser's own, drawn as antd's small outlined Input, as one-line text
 * is in the form (text-input.tsx). antd's Input re-rendered its wrappers and style hooks on every
 * keystroke of a 1,000-line grid (B6). Locked with the rest of the grid by antd's disabled context.
 */
export function CellTextInput({ field, id, value, status, onChange, onBlur, ...aria }: CellTextInputProps) {
  const disabled = ConfigProvider.useConfig().componentDisabled === true;
  return (
    <input
      id={id}
      type="text"
      inputMode={inputModeOf(field)}
      autoComplete="off"
      className={boxClass('tessera-light-input', { status, disabled, size: 'small' })}
      value={textOf(typeof value === 'string' ? value : undefined)}
      disabled={disabled}
      onChange={onChange}
      onBlur={onBlur}
      {...aria}
    />
  );
}
