import type { InboxBox } from '@tessera/ui';
import { ApprovalPage } from '@tessera/ui/approval-page';
import { InboxView } from '@tessera/ui/approvals-inbox';
import { Grid, Layout } from 'antd';
import { useT } from '../i18n/use-t';
import { ToolHeader } from './tool-header';

/**
 * The approval pages (`/approvals/:box`, `/approvals/instances/:id`) under the tool header, in a
 * chunk of their own: reached from the header's badge or a notification, never in the first load.
 */
export function ApprovalsRoute({ box, instanceId }: { box?: InboxBox; instanceId?: string }) {
  const t = useT();
  const compact = Grid.useBreakpoint().md === false;
  return (
    <Layout style={{ height: '100%' }}>
      <ToolHeader title={t('approvals.inbox')} compact={compact} />
      <Layout.Content style={{ overflow: 'auto' }}>{instanceId ? <ApprovalPage instanceId={instanceId} /> : <InboxView box={box ?? 'todo'} />}</Layout.Content>
    </Layout>
  );
}
