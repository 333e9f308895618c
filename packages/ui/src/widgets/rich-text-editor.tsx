import { EditorContent, useEditorState } from '@tiptap/react';
import { Form } from 'antd';
import { ariaAttributes, type FormAriaProps } from './form-aria';
import { RichTextToolbar } from './rich-text-toolbar';
import { useRichTextEditor } from './use-rich-text-editor';
import './rich-text.css';

export interface RichTextEditorProps extends FormAriaProps {
  id?: string;
  value?: string | null;
  disabled?: boolean;
  placeholder?: string;
  onChange?: (html: string | null) => void;
  onBlur?: () => void;
}

/**
 * The rich text input: TipTap with a small toolbar; the value is HTML (docs/adr/0012). In its own
 * chunk, loaded by RichTextInput only when a form shows a rich text field.
 */
export function RichTextEditor({ id, value, disabled = false, placeholder, onChange, onBlur, ...rest }: RichTextEditorProps) {
  const editor = useRichTextEditor({ id, aria: ariaAttributes(rest), value: value ?? null, disabled, onChange, onBlur });
  const empty = useEditorState({ editor, selector: ({ editor: e }) => e.isEmpty });
  const { status } = Form.Item.useStatus();
  const className = ['rich-text-editor', status === 'error' ? 'rich-text-editor-error' : '', disabled ? 'rich-text-editor-disabled' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      {!disabled && <RichTextToolbar editor={editor} />}
      <div className="rich-text-body">
        {empty && placeholder && <div className="rich-text-placeholder">{placeholder}</div>}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
