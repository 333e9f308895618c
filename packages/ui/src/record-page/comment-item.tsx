import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import { CommentEditor } from './comment-editor';
import type { CommentView, EditOutcome } from './use-record-comments';

interface CommentItemProps {
  comment: CommentView;
  focused: boolean;
  removing: boolean;
  editing: boolean;
  onEdit: () => void;
  onEditClosed: () => void;
  save: (commentId: string, body: string, mentions: readonly string[], version: number) => Promise<EditOutcome>;
  onRemove: () => void;
}

/** One comment: author, time (and "edited"), its text or its editor, mentions; a removed one is a placeholder. */
export function CommentItem({ comment, focused, removing, editing, onEdit, onEditClosed, save, onRemove }: CommentItemProps) {
  const t = useT();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) element.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  const className = ['record-page-comment', focused && 'record-page-comment-focused', comment.deleted && 'record-page-comment-deleted']
    .filter(Boolean)
    .join(' ');
  return (
    <div ref={element} className={className} data-testid="record-comment" data-focused={focused || undefined} data-deleted={comment.deleted || undefined}>
      <Avatar size={28} className="record-page-timeline-avatar">
        {Array.from(comment.authorName)[0] ?? '?'}
      </Avatar>
      <div className="record-page-comment-main">
        <Flex align="baseline" gap={8} wrap>
          <Typography.Text strong>{comment.authorName}</Typography.Text>
          <Typography.Text type="secondary" className="record-page-comment-time" title={comment.writtenAt}>
            {comment.when}
          </Typography.Text>
          {comment.editedAtText && !comment.deleted && (
            <Typography.Text
              type="secondary"
              className="record-page-comment-time"
              title={t('comments.editedAt', { time: comment.editedAtText })}
              data-testid="record-comment-edited"
            >
              {t('comments.edited')}
            </Typography.Text>
          )}
          {!editing && <CommentActions comment={comment} removing={removing} onEdit={onEdit} onRemove={onRemove} />}
        </Flex>
        {comment.deleted ? (
          <Typography.Text type="secondary" italic data-testid="record-comment-deleted">
            {t('comments.deletedPlaceholder')}
          </Typography.Text>
        ) : editing ? (
          <CommentEditor comment={comment} save={save} onClose={onEditClosed} />
        ) : (
          <>
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
          </>
        )}
      </div>
    </div>
  );
}

interface CommentActionsProps {
  comment: CommentView;
  removing: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

/** Edit for the author; Delete for the author or an administrator, after a confirmation. */
function CommentActions({ comment, removing, onEdit, onRemove }: CommentActionsProps) {
  const t = useT();
  return (
    <span className="record-page-comment-tools">
      {comment.editable && (
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={t('common.edit')}
          title={t('common.edit')}
          onClick={onEdit}
          data-testid="record-comment-edit"
        />
      )}
      {comment.removable && (
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
            data-testid="record-comment-delete"
          />
        </Popconfirm>
      )}
    </span>
  );
}
