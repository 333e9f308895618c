import { useSessionStore } from '@tessera/ui';
import { Alert, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useJsonDraft } from '../hooks/use-json-draft';
import { useJsonT } from '../i18n/use-json-t';
import { draftMarks } from './json-marks';
import { JsonProblems } from './json-problems';
import './json-view.css';

// Monaco and its JSON worker load when the admin first opens this view, never with the studio.
const JsonEditor = lazy(() => import('./json-editor').then((m) => ({ default: m.JsonEditor })));

/** The draft as JSON, read and written: checked as typed, applied as one undo step. */
export function JsonWorkspace() {
  const t = useJsonT();
  const locale = useSessionStore((s) => s.locale);
  const { appId, text, setText, read, checking, edited, draftMoved, apply, revert } = useJsonDraft();
  const marks = useMemo(() => draftMarks(read, text, t, locale, appId), [read, text, t, locale, appId]);
  const applicable = edited && !checking && read.kind === 'document';
  return (
    <div className="json-view" data-testid="json-view">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('json.title')}
        </Typography.Title>
        <Flex gap={8} align="center">
          <Tag color={edited ? 'orange' : 'default'} data-testid="json-state" data-edited={edited}>
            {edited ? t('json.edited') : t('json.unchanged')}
          </Tag>
          <Button onClick={revert} disabled={!edited} data-testid="json-revert">
            {t('json.revert')}
          </Button>
          <Button type="primary" onClick={apply} disabled={!applicable} data-testid="json-apply">
            {t('json.apply')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {t('json.hint')}
      </Typography.Paragraph>
      {draftMoved && <Alert type="warning" showIcon title={t('json.draftMoved')} style={{ marginBottom: 8 }} data-testid="json-draft-moved" />}
      <Suspense fallback={<Skeleton active title={{ width: t('json.loading') }} />}>
        <JsonEditor value={text} onChange={setText} marks={marks} label={t('json.editor')} />
      </Suspense>
      <div className="json-view-problems">
        <JsonProblems read={read} text={text} appId={appId} />
      </div>
    </div>
  );
}
