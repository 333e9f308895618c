import type { FlowDefinition } from '@tessera/schemas';
import { Alert, List, Typography } from 'antd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useIssues } from '../../hooks/use-issues';
import { issueTarget } from '../../model/issue-target';
import { useFlowT } from '../i18n/use-flow-t';

/**
 * The open flow's problems, live, from the very checks the server runs on publish
 * (`@tessera/meta/validate`); a click selects the node a problem points at.
 */
export function FlowProblems({ flow }: { flow: FlowDefinition }) {
  const t = useFlowT();
  const store = useStudioStore();
  const document = useStudio((s) => s.document);
  const index = document?.flows?.indexOf(flow) ?? -1;
  const prefix = `/flows/${index}`;
  const issues = useIssues().filter((i) => i.pointer === prefix || i.pointer.startsWith(`${prefix}/`));
  if (issues.length === 0) return <Alert type="success" showIcon title={t('flows.noProblems')} data-testid="flow-problems-none" />;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('flows.problems', { count: issues.length })}</Typography.Text>}
      dataSource={issues}
      data-testid="flow-problems"
      renderItem={(issue) => (
        <List.Item
          className="flow-problem"
          data-testid="flow-problem"
          data-pointer={issue.pointer}
          onClick={() => {
            const target = document && issueTarget(document, issue.pointer);
            if (target) store.getState().select(target.selection);
          }}
        >
          <Typography.Text type="danger">{issue.message}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
