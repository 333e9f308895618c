import { Flex, Mentions, type MentionsRef, Select, Spin } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import type { useCommentComposer } from './use-comment-composer';

interface CommentInputProps {
  composer: ReturnType<typeof useCommentComposer>;
  /** Names the box for assistive technology and tests: the composer's and an edit's differ. */
  label: string;
  testIds: { text: string; mentions: string };
  autoFocus?: boolean;
  /** The buttons beside the people picker (Send; Save and Cancel). */
  children: ReactNode;
}

/**
 * The text of a comment with `@` searching the directory inline, and the picker of the people it
 * mentions: one box for writing a new comment and for rewriting one, so both mention alike.
 */
export function CommentInput({ composer, label, testIds, autoFocus, children }: CommentInputProps) {
  const t = useT();
  const box = useRef<MentionsRef>(null);
  // Focused with the caret after the text, where an edit usually continues.
  useEffect(() => {
    const textarea = box.current?.textarea;
    if (!autoFocus || !textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, [autoFocus]);
  return (
    <>
      <Mentions
        ref={box}
        prefix="@"
        value={composer.text}
        onChange={composer.setText}
        onSearch={composer.searchInline}
        onSelect={(option) => composer.mentionInline(option.value)}
        options={composer.inlineOptions.map(({ value, label: text }) => ({ key: value, value, label: text }))}
        filterOption={false}
        loading={composer.inlineSearching}
        notFoundContent={composer.inlineSearching ? <Spin size="small" /> : t('widget.typeToSearch')}
        onKeyDown={composer.onKeyDown}
        placeholder={t('comments.mentionHint')}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={5000}
        aria-label={label}
        data-testid={testIds.text}
      />
      <Flex gap={8} align="start" wrap className="record-page-comment-actions">
        <Select<string[]>
          mode="multiple"
          className="record-page-comment-mention-select"
          value={composer.mentions}
          onChange={composer.setMentions}
          options={composer.options}
          showSearch={{ filterOption: false, onSearch: composer.searchPeople }}
          placeholder={t('comments.mention')}
          notFoundContent={composer.searching ? <Spin size="small" /> : composer.typed ? undefined : t('widget.typeToSearch')}
          loading={composer.searching}
          maxCount={50}
          data-testid={testIds.mentions}
        />
        {children}
      </Flex>
    </>
  );
}
