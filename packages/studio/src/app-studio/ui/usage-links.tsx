import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { issueTarget } from '../model/issue-target';

/** One thing that uses an element: its JSON pointer (what the link opens) and how it is named. */
export interface UsageLink {
  pointer: string;
  text: ReactNode;
}

/** What still uses an element the admin wants gone, each a link that opens it: hiding a field, deleting a form. */
export function UsageLinks({ intro, usages, testId, itemTestId }: { intro: string; usages: UsageLink[]; testId: string; itemTestId?: string }) {
  const store = useStudioStore();
  const document = useStudio((s) => s.document);
  const open = (pointer: string) => {
    const target = document && issueTarget(document, pointer);
    if (!target) return;
    store.getState().select(target.selection);
    store.getState().setTab(target.tab);
  };
  return (
    <div data-testid={testId}>
      <div>{intro}</div>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {usages.map((usage) => (
          <li key={usage.pointer} data-testid={itemTestId}>
            <Typography.Link onClick={() => open(usage.pointer)}>{usage.text}</Typography.Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
