import {
  BoldOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { type Editor, useEditorState } from '@tiptap/react';
import { useT } from '../i18n/use-t';
import { RichTextLinkButton } from './rich-text-link-button';
import { ToolButton } from './rich-text-tool-button';

const HEADINGS = [1, 2, 3] as const;

/** Bold, italic, underline, strike, headings, lists, link, undo and redo; wraps onto a second row on a phone. */
export function RichTextToolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      heading: HEADINGS.find((level) => e.isActive('heading', { level })) ?? null,
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className="rich-text-toolbar" role="toolbar" aria-label={t('widgets.richText.toolbar')}>
      <ToolButton label={t('widgets.richText.bold')} icon={<BoldOutlined />} active={state.bold} onClick={() => chain().toggleBold().run()} />
      <ToolButton label={t('widgets.richText.italic')} icon={<ItalicOutlined />} active={state.italic} onClick={() => chain().toggleItalic().run()} />
      <ToolButton
        label={t('widgets.richText.underline')}
        icon={<UnderlineOutlined />}
        active={state.underline}
        onClick={() => chain().toggleUnderline().run()}
      />
      <ToolButton label={t('widgets.richText.strike')} icon={<StrikethroughOutlined />} active={state.strike} onClick={() => chain().toggleStrike().run()} />
      <span className="rich-text-toolbar-gap" />
      {HEADINGS.map((level) => (
        <ToolButton
          key={level}
          label={t('widgets.richText.heading', { level })}
          icon={<span style={{ fontWeight: 600, fontSize: 12 }}>H{level}</span>}
          active={state.heading === level}
          onClick={() => chain().toggleHeading({ level }).run()}
        />
      ))}
      <span className="rich-text-toolbar-gap" />
      <ToolButton
        label={t('widgets.richText.bulletList')}
        icon={<UnorderedListOutlined />}
        active={state.bulletList}
        onClick={() => chain().toggleBulletList().run()}
      />
      <ToolButton
        label={t('widgets.richText.orderedList')}
        icon={<OrderedListOutlined />}
        active={state.orderedList}
        onClick={() => chain().toggleOrderedList().run()}
      />
      <RichTextLinkButton editor={editor} />
      <span className="rich-text-toolbar-gap" />
      <ToolButton label={t('widgets.richText.undo')} icon={<UndoOutlined />} disabled={!state.canUndo} onClick={() => chain().undo().run()} />
      <ToolButton label={t('widgets.richText.redo')} icon={<RedoOutlined />} disabled={!state.canRedo} onClick={() => chain().redo().run()} />
    </div>
  );
}
