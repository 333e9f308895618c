import type { FormValue } from '../records/form-values';

/** What a form field hands its input, light or real: every widget of field-widget.tsx accepts these. */
export interface WidgetProps {
  id: string;
  value?: FormValue;
  checked?: boolean;
  disabled?: boolean;
  placeholder?: string;
  /** The options a rule left; absent means all of the field's options. */
  options?: { value: string; label: string }[];
  /** antd's own error look; only passed to the antd inputs that take it (see field-control.tsx). */
  status?: 'error';
  onChange: (arg: unknown) => void;
  onBlur?: () => void;
  'aria-required'?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}
