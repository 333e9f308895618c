import { AppstoreOutlined } from '@ant-design/icons';
import { LanguageSwitch, useRouteStore } from '@tessera/ui';
import { Button, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { BrandMark } from '../auth/brand-mark';
import { UserMenu } from '../auth/user-menu';
import { useT } from '../i18n/use-t';
import { ApprovalsButton } from './approvals-button';

/** The header of the tool pages (administration, studio): brand, title, their own actions, then the shared ones. */
export function ToolHeader({ title, compact, children }: { title: string; compact: boolean; children?: ReactNode }) {
  const t = useT();
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <Layout.Header className="tessera-header">
      <Flex align="center" gap={10} style={{ flex: 1, minWidth: 0 }}>
        <BrandMark />
        <Typography.Title level={5} className="tessera-header-title" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      </Flex>
      {children}
      <Button type="text" icon={<AppstoreOutlined />} onClick={() => navigate({ name: 'apps' })} aria-label={t('shell.allApps')}>
        {compact ? null : t('shell.allApps')}
      </Button>
      <LanguageSwitch compact={compact} />
      <ApprovalsButton compact={compact} />
      <UserMenu compact={compact} />
    </Layout.Header>
  );
}
