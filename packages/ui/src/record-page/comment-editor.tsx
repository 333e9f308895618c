import { Alert, Button } from 'antd';
import { useT } from '../i18n/use-t';
import { CommentInput } from './comment-input';
import type { RecordComment } from './comments-api';
import { useCommentEditor } from './use-comment-editor';
import type { EditOutcome } from './use-record-comments';

interface CommentEditorProps {
  comment: RecordComment;
  save: (commentId: string, body: string, mentions: readonly string[], version: number) => Promise<EditOutcome>;
  onClose: () => void;
}

/** A comment rewritten in place, with the composer's `@` search and picker; Save, Cancel or Esc. */
export function CommentEditor({ comment, save, onClose }: CommentEditorProps) {
  const t = useT();
  const { composer, conflict } = useCommentEditor(comment, save, onClose);
  return (
    <div className="record-page-comment-editor" data-testid="record-comment-editor">
      {conflict && (
        <Alert
          type="warning"
          showIcon
          className="record-page-comment-conflict"
          data-testid="record-comment-conflict"
          message={conflict.message}
          description={
            conflict.latest && (
              <>
                <div>{t('comments.latestVersion')}</div>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes every body on write; only that stored body is injected */}
                <div className="record-page-comment-body" dangerouslySetInnerHTML={{ __html: conflict.latest.body }} />
              </>
            )
          }
        />
      )}
      <CommentInput
        composer={composer}
        label={t('comments.editLabel')}
        testIds={{ text: 'record-comment-edit-text', mentions: 'record-comment-edit-mentions' }}
        autoFocus
      >
        <Button onClick={onClose} data-testid="record-comment-edit-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          loading={composer.sending}
          disabled={!composer.canSend}
          onClick={() => void composer.send()}
          title={t('comments.editHint')}
          data-testid="record-comment-edit-save"
        >
          {t('common.save')}
        </Button>
      </CommentInput>
    </div>
  );
}
