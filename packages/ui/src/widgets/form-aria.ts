/** The aria attributes a form field hands its input (required, invalid, which message describes it). */
export interface FormAriaProps {
  'aria-required'?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * Only the aria attributes of a widget's props: the form hands every widget the same set (value,
 * placeholder, onBlur…), and a widget spreading the rest onto its own element must not pass those on.
 */
export function pickAria(props: FormAriaProps): FormAriaProps {
  const aria: FormAriaProps = {};
  if (props['aria-required'] !== undefined) aria['aria-required'] = props['aria-required'];
  if (props['aria-invalid'] !== undefined) aria['aria-invalid'] = props['aria-invalid'];
  if (props['aria-describedby'] !== undefined) aria['aria-describedby'] = props['aria-describedby'];
  return aria;
}

export type AriaAttributes = Partial<Record<keyof FormAriaProps, string>>;

/** The same as DOM attribute strings, for an element outside React (the editor's editable area). */
export function ariaAttributes(props: FormAriaProps): AriaAttributes {
  return Object.fromEntries(Object.entries(pickAria(props)).map(([name, value]) => [name, String(value)]));
}
