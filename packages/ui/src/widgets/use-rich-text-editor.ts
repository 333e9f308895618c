import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useMemo, useRef } from 'react';
import type { AriaAttributes } from './form-aria';
import { isKeptLink } from './rich-text-values';

/**
 * What the toolbar offers, and so what the server's allow-list keeps (record-validator.ts).
 * Links open from the saved record, not while writing, and only with schemes the server keeps.
 * Module-level: useEditor compares its options on every render, and a new list would differ.
 */
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    link: { openOnClick: false, defaultProtocol: 'https', isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && isKeptLink(url) },
  }),
];

interface RichTextEditorOptions {
  id: string | undefined;
  aria: AriaAttributes;
  value: string | null;
  disabled: boolean;
  onChange: ((html: string | null) => void) | undefined;
  onBlur: (() => void) | undefined;
}

/**
 * A TipTap editor bound to a form value that is HTML. An empty document is `null` (no value), not
 * `<p></p>`. The value is pushed into the editor only when it changes from outside (a restored
 * draft, a reset form): what the editor itself just sent must not reset the cursor.
 */
export function useRichTextEditor({ id, aria, value, disabled, onChange, onBlur }: RichTextEditorOptions) {
  const sent = useRef<string | null>(value);
  const initial = useRef(value ?? '');
  const handlers = useRef({ onChange, onBlur });
  handlers.current = { onChange, onBlur };
  // useEditor hands changed options to the editor on render: a server message arriving (or going)
  // changes aria-invalid/-describedby on the editable area without any typing.
  const ariaKey = JSON.stringify(aria);
  const editorProps = useMemo(
    () => ({ attributes: { ...(id ? { id } : {}), role: 'textbox', 'aria-multiline': 'true', ...(JSON.parse(ariaKey) as AriaAttributes) } }),
    [id, ariaKey],
  );

  const editor = useEditor({
    extensions: EXTENSIONS,
    content: initial.current,
    editable: !disabled,
    editorProps,
    onUpdate: ({ editor: current }) => {
      const html = current.isEmpty ? null : current.getHTML();
      sent.current = html;
      handlers.current.onChange?.(html);
    },
    onBlur: () => handlers.current.onBlur?.(),
  });

  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    editor.commands.setContent(value ?? '', { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor.setEditable(!disabled, false);
  }, [editor, disabled]);

  return editor;
}
