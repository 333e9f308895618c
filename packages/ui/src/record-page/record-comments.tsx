import { SendOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { CommentInput } from './comment-input';
import { CommentItem } from './comment-item';
import { useCommentComposer } from './use-comment-composer';
import { useRecordComments } from './use-record-comments';

interface RecordCommentsProps {
  appId: string;
  objectId: string;
  recordId: string;
}

/** The discussion on a record: comments oldest first (one rewritten in place at a time), then a box to add one and mention people. */
export function RecordComments({ appId, objectId, recordId }: RecordCommentsProps) {
  const t = useT();
  const comments = useRecordComments(appId, objectId, recordId);
  const [editingId, setEditingId] = useState<string | null>(null);
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
            editing={comment.id === editingId && comment.editable}
            onEdit={() => setEditingId(comment.id)}
            onEditClosed={() => setEditingId(null)}
            save={comments.save}
            onRemove={() => void comments.remove(comment.id)}
          />
        ))}
      <CommentComposer post={comments.add} />
    </div>
  );
}

function CommentComposer({ post }: { post: (body: string, mentions: readonly string[]) => Promise<boolean> }) {
  const t = useT();
  const composer = useCommentComposer(post);
  return (
    <div className="record-page-comment-composer">
      <CommentInput composer={composer} label={t('comments.placeholder')} testIds={{ text: 'record-comment-text', mentions: 'record-comment-mentions' }}>
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
      </CommentInput>
    </div>
  );
}
