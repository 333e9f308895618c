import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useIssues } from '../hooks/use-issues';
import { useStudioT } from '../i18n/use-studio-t';
import { issueTarget } from '../model/issue-target';

/** The draft's problems, live; a click selects the element a problem points at and opens its tab. */
export function ProblemsButton() {
  const t = useStudioT();
  const issues = useIssues();
  const store = useStudioStore();
  const document = useStudio((s) => s.document);
  const [open, setOpen] = useState(false);
  const goTo = (pointer: string) => {
    const target = document && issueTarget(document, pointer);
    if (!target) return;
    store.getState().select(target.selection);
    store.getState().setTab(target.tab);
    setOpen(false);
  };
  const content = (
    <List
      size="small"
      style={{ maxWidth: 420, maxHeight: 360, overflow: 'auto' }}
      dataSource={issues}
      locale={{ emptyText: t('studio.noProblems') }}
      renderItem={(issue) => (
        <List.Item data-testid="studio-problem" style={{ cursor: 'pointer' }} onClick={() => goTo(issue.pointer)}>
          <List.Item.Meta title={issue.message} description={<Typography.Text type="secondary">{issue.pointer}</Typography.Text>} />
        </List.Item>
      )}
    />
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={content} placement="bottomRight">
      <Button
        icon={issues.length > 0 ? <WarningOutlined /> : <CheckCircleOutlined />}
        danger={issues.length > 0}
        data-testid="studio-problems"
        data-count={issues.length}
      >
        {t('studio.problems', { count: issues.length })}
      </Button>
    </Popover>
  );
}
