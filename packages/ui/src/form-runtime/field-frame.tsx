import { QuestionCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { FormEvent, ReactNode } from 'react';

interface FieldFrameProps {
  /** The input's id; absent for a value shown read-only, which has no input to label. */
  inputId?: string;
  label: string;
  required: boolean;
  description?: string;
  /** Errors under the field; the input points at them with aria-describedby (see helpIdOf). */
  messages: readonly string[];
  /** A quiet note under the field (why it cannot be edited here). */
  extra?: string;
  /**
   * False for a field made of many inputs (a child table), whose cells are forms of their own
   * (grid-cell.tsx): the field is then a plain box, as forms cannot nest.
   */
  asForm?: boolean;
  children: ReactNode;
}

/** Enter in a one-field form "submits" it; saving is the drawer's button, so nothing happens. */
export function keepPage(event: FormEvent): void {
  event.preventDefault();
}

export const helpIdOf = (inputId: string) => `${inputId}_help`;
export const descriptionIdOf = (inputId: string) => `${inputId}_description`;

/**
 * Label, input and messages of one field in plain markup that looks like antd's vertical
 * Form.Item (runtime.css, `tessera-field`) without its per-item machinery, which 200 fields paid
 * for on every open. `ant-form-item` and `ant-form-item-explain-error` stay on the markup so
 * that pages, tests and tools finding "the form item of a field" keep working.
 *
 * Each field is its own <form>: on every keystroke Chrome's autofill re-reads the form of the
 * edited input, and for inputs outside any form that is every such input of the page (200 here,
 * ~6 ms per keystroke, B6). Saving goes through the drawer's button, never a form submit.
 */
export function FieldFrame({ inputId, label, required, description, messages, extra, asForm = true, children }: FieldFrameProps) {
  const invalid = messages.length > 0;
  const tooltip = description && (
    <Tooltip title={description}>
      <QuestionCircleOutlined className="tessera-field-tooltip" />
    </Tooltip>
  );
  const Frame = asForm ? 'form' : 'div';
  return (
    <Frame
      className={invalid ? 'ant-form-item tessera-field tessera-field-invalid' : 'ant-form-item tessera-field'}
      {...(asForm ? { noValidate: true, onSubmit: keepPage } : {})}
    >
      <div className="tessera-field-label">
        {inputId ? (
          <label htmlFor={inputId} className={required ? 'tessera-field-required' : undefined}>
            {label}
            {tooltip}
          </label>
        ) : (
          <span>
            {label}
            {tooltip}
          </span>
        )}
        {inputId && description && (
          <span id={descriptionIdOf(inputId)} className="tessera-visually-hidden">
            {description}
          </span>
        )}
      </div>
      <div className="tessera-field-control">{children}</div>
      {invalid && (
        <div id={inputId && helpIdOf(inputId)} className="tessera-field-help" role="alert">
          {messages.map((m) => (
            <div key={m} className="ant-form-item-explain-error">
              {m}
            </div>
          ))}
        </div>
      )}
      {extra && <div className="tessera-field-extra">{extra}</div>}
    </Frame>
  );
}
