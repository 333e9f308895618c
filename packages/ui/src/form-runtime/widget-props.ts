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
  /** antd's small size: a child-table cell's (grid-cell.tsx). */
  size?: 'small';
  /**
   * Given (even as undefined), replaces the text a number shows before itself, the currency's
   * code by default: a child-table cell names the currency in its column, not on every line.
   */
  prefix?: string;
  /** A cell has no label element of its own: it says which field and line it is. */
  'aria-label'?: string;
  onChange: (arg: unknown) => void;
  onBlur?: () => void;
  'aria-required'?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}
