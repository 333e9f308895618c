import { Alert, type ButtonProps, Input, List, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { PlanStep } from '../api/studio-api';
import { useIssues } from '../hooks/use-issues';
import type { Review } from '../hooks/use-publish-review';
import { useChangeText } from '../i18n/use-change-text';
import { useStudioT } from '../i18n/use-studio-t';
import { IndexPlanList } from './index-plan-list';
import { RuleBreaksList } from './rule-breaks-list';
import { TypeChangesList } from './type-change-summary';

interface PublishDialogProps {
  review: Review;
  publishing: boolean;
  onPublish: (comment: string) => void;
  onClose: () => void;
}

function planLine(step: PlanStep): string {
  const target = [step.object, step.field].filter(Boolean).join('.');
  const index = step.index ? `${step.index.object} (${step.index.columns.map((c) => c.column).join(', ')})` : '';
  return [step.kind, target || index].filter(Boolean).join(' — ');
}

/** Review before publishing: the draft's problems (publishing waits for them), what changes, the database changes; then publish with a message. */
export function PublishDialog({ review, publishing, onPublish, onClose }: PublishDialogProps) {
  const t = useStudioT();
  const issues = useIssues();
  const [comment, setComment] = useState('');
  const changeText = useChangeText();
  const ready = review.status === 'ready';
  // Publish would refuse a type change while rows cannot convert (the summary names them): say so before the click.
  const unconvertible = ready && review.typeChanges.some((change) => change.failing > 0);
  return (
    <Modal
      open={review.status !== 'closed'}
      title={t('studio.review.title')}
      onCancel={onClose}
      okText={t('studio.review.confirm')}
      okButtonProps={{ disabled: !ready || issues.length > 0 || unconvertible, loading: publishing, 'data-testid': 'publish-confirm' } as ButtonProps}
      onOk={() => onPublish(comment)}
      width={640}
      destroyOnHidden
    >
      <div data-testid="publish-review">
        {review.status === 'loading' && <Skeleton active />}
        {review.status === 'failed' && <Alert type="error" showIcon title={review.error instanceof Error ? review.error.message : String(review.error)} />}
        {issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('studio.review.blocked', { count: issues.length })}
            description={issues.slice(0, 10).map((issue) => <div key={`${issue.pointer}-${issue.code}`}>{issue.message}</div>)}
          />
        )}
        {ready && (
          <>
            <TypeChangesList changes={review.typeChanges} />
            <RuleBreaksList breaks={review.ruleBreaks} />
            <Typography.Title level={5}>{t('studio.review.changes')}</Typography.Title>
            <List
              size="small"
              dataSource={review.changes}
              locale={{ emptyText: t('studio.review.noChanges') }}
              renderItem={(change) => <List.Item data-testid="publish-change">{changeText(change)}</List.Item>}
            />
            <IndexPlanList plan={review.plan} />
            {review.plan.length > 0 && (
              <>
                <Typography.Title level={5}>{t('studio.review.ddl')}</Typography.Title>
                <List size="small" dataSource={review.plan} renderItem={(step) => <List.Item data-testid="publish-ddl">{planLine(step)}</List.Item>} />
              </>
            )}
            <Input.TextArea
              style={{ marginTop: 12 }}
              placeholder={t('studio.review.comment')}
              aria-label={t('studio.review.comment')}
              value={comment}
              maxLength={2000}
              onChange={(e) => setComment(e.target.value)}
              data-testid="publish-comment"
            />
          </>
        )}
      </div>
    </Modal>
  );
}
