import { LinkOutlined } from '@ant-design/icons';
import { type Editor, useEditorState } from '@tiptap/react';
import { Button, Input, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { ToolButton } from './rich-text-tool-button';
import { linkHref } from './rich-text-values';

/**
 * The link box: links the selected text (or the word the cursor is in a link of), or, with nothing
 * selected, inserts the address itself as a link. What is typed is checked with linkHref, so a
 * refused scheme is said here instead of silently disappearing on save.
 */
export function RichTextLinkButton({ editor }: { editor: Editor }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const current = useEditorState({ editor, selector: ({ editor: e }) => (e.isActive('link') ? String(e.getAttributes('link').href ?? '') : null) });

  const show = (next: boolean) => {
    setOpen(next);
    if (next) {
      setText(current ?? '');
      setInvalid(false);
    }
  };

  const apply = () => {
    const href = linkHref(text);
    if (!href) {
      setInvalid(true);
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: text.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href }).run();
    }
    setOpen(false);
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    setOpen(false);
  };

  const content = (
    <Space orientation="vertical" size={8} style={{ width: 'min(300px, calc(100vw - 64px))' }}>
      <Input
        autoFocus
        inputMode="url"
        value={text}
        status={invalid ? 'error' : undefined}
        placeholder={t('widgets.richText.linkPlaceholder')}
        aria-label={t('widgets.richText.link')}
        onChange={(event) => {
          setText(event.target.value);
          setInvalid(false);
        }}
        onPressEnter={(event) => {
          event.preventDefault();
          apply();
        }}
      />
      {invalid && <Typography.Text type="danger">{t('widgets.richText.linkInvalid')}</Typography.Text>}
      <Space>
        <Button type="primary" size="small" onClick={apply}>
          {t('widgets.richText.linkApply')}
        </Button>
        {current !== null && (
          <Button size="small" onClick={remove}>
            {t('widgets.richText.linkRemove')}
          </Button>
        )}
      </Space>
    </Space>
  );

  return (
    <Popover open={open} onOpenChange={show} trigger="click" content={content} destroyOnHidden>
      <span>
        <ToolButton label={t('widgets.richText.link')} icon={<LinkOutlined />} active={current !== null} onClick={() => undefined} />
      </span>
    </Popover>
  );
}
