import { localizeIssues } from '@tessera/meta/validate';
import { useSessionStore } from '@tessera/ui';
import { Alert, List, Typography } from 'antd';
import { useMemo } from 'react';
import { useJsonT } from '../i18n/use-json-t';
import type { DraftText } from '../model/json-draft';
import { syntaxMarks } from './json-marks';

/** What the text reads as, listed: syntax errors with line and column, or the document's problems with their JSON pointers. */
export function JsonProblems({ read, text, appId }: { read: DraftText; text: string; appId: string }) {
  const t = useJsonT();
  const locale = useSessionStore((s) => s.locale);
  const issues = useMemo(() => (read.kind === 'document' ? localizeIssues(read.issues, locale) : []), [read, locale]);
  if (read.kind === 'syntax') {
    const marks = syntaxMarks(read, text, t);
    return (
      <Alert
        type="error"
        showIcon
        data-testid="json-syntax"
        title={t('json.syntax')}
        description={marks.map((mark) => <div key={mark.offset}>{mark.message}</div>)}
      />
    );
  }
  if (read.kind === 'not-this-app') return <Alert type="error" showIcon data-testid="json-not-this-app" title={t('json.notThisApp', { id: appId })} />;
  if (issues.length === 0) return <Alert type="success" showIcon data-testid="json-valid" title={t('json.valid')} />;
  return (
    <div data-testid="json-problems">
      <Typography.Text type="warning">{t('json.problems', { count: issues.length })}</Typography.Text>
      <List
        size="small"
        dataSource={issues}
        renderItem={(issue) => (
          <List.Item data-testid="json-problem">
            <Typography.Text code>{issue.pointer || '/'}</Typography.Text> {issue.message}
          </List.Item>
        )}
      />
    </div>
  );
}
