import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import { Avatar, Button, Empty, Flex, Mentions, Popconfirm, Select, Skeleton, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { useCommentComposer } from './use-comment-composer';
import { type CommentView, useRecordComments } from './use-record-comments';

interface RecordCommentsProps {
  appId: string;
  objectId: string;
  recordId: string;
}

/** The discussion on a record: comments oldest first, then a box to add one and mention people. */
export function RecordComments({ appId, objectId, recordId }: RecordCommentsProps) {
  const t = useT();
  const comments = useRecordComments(appId, objectId, recordId);
  // A mention's notification opens the record with `?comment=<id>`: that comment is shown and marked.
  const focusedId = new URLSearchParams(window.location.search).get('comment');

  return (
    <div className="record-page-comments" data-testid="record-comments">
      {comments.status === 'loading' && <Skeleton active avatar paragraph={{ rows: 2 }} />}
      {comments.status === 'failed' && <ErrorState title={t('comments.loadFailed')} error={comments.error} onRetry={comments.reload} />}
      {comments.status === 'ready' && comments.comments.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comments.empty')} style={{ margin: '8px 0' }} />
      )}
      {comments.status === 'ready' &&
        comments.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            focused={comment.id === focusedId}
            removing={comments.removing === comment.id}
            onRemove={() => void comments.remove(comment.id)}
          />
        ))}
      <CommentComposer post={comments.add} />
    </div>
  );
}

interface CommentItemProps {
  comment: CommentView;
  focused: boolean;
  removing: boolean;
  onRemove: () => void;
}

function CommentItem({ comment, focused, removing, onRemove }: CommentItemProps) {
  const t = useT();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) element.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  return (
    <div
      ref={element}
      className={focused ? 'record-page-comment record-page-comment-focused' : 'record-page-comment'}
      data-testid="record-comment"
      data-focused={focused || undefined}
    >
      <Avatar size={28} className="record-page-timeline-avatar">
        {Array.from(comment.authorName)[0] ?? '?'}
      </Avatar>
      <div className="record-page-comment-main">
        <Flex align="baseline" gap={8} wrap>
          <Typography.Text strong>{comment.authorName}</Typography.Text>
          <Typography.Text type="secondary" className="record-page-comment-time" title={new Date(comment.createdAt).toLocaleString()}>
            {comment.when}
          </Typography.Text>
          {comment.mine && (
            <Popconfirm
              title={t('comments.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onRemove}
            >
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                loading={removing}
                aria-label={t('common.delete')}
                className="record-page-comment-delete"
                data-testid="record-comment-delete"
              />
            </Popconfirm>
          )}
        </Flex>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes every body on write; nothing but that stored body is ever injected here */}
        <div className="record-page-comment-body" dangerouslySetInnerHTML={{ __html: comment.body }} />
        {comment.mentionNames.length > 0 && (
          <div className="record-page-comment-mentions">
            {comment.mentionNames.map((m) => (
              <Tag key={m.id} color="blue" bordered={false} data-testid="record-comment-mention">
                @{m.name}
              </Tag>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

function CommentComposer({ post }: { post: (body: string, mentions: readonly string[]) => Promise<boolean> }) {
  const t = useT();
  const composer = useCommentComposer(post);
  return (
    <div className="record-page-comment-composer">
      <Mentions
        prefix="@"
        value={composer.text}
        onChange={composer.setText}
        onSearch={composer.searchInline}
        onSelect={(option) => composer.mentionInline(option.value)}
        options={composer.inlineOptions.map(({ value, label }) => ({ key: value, value, label }))}
        filterOption={false}
        loading={composer.inlineSearching}
        notFoundContent={composer.inlineSearching ? <Spin size="small" /> : t('widget.typeToSearch')}
        onKeyDown={composer.onKeyDown}
        placeholder={t('comments.mentionHint')}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={5000}
        aria-label={t('comments.placeholder')}
        data-testid="record-comment-text"
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
          data-testid="record-comment-mentions"
        />
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={composer.sending}
          disabled={!composer.canSend}
          onClick={() => void composer.send()}
          title={t('comments.sendHint')}
          data-testid="record-comment-send"
        >
          {t('comments.send')}
        </Button>
      </Flex>
    </div>
  );
}
