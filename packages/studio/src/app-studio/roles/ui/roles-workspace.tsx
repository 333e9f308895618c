import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, List, Typography } from 'antd';
import { useState } from 'react';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useIssues } from '../../hooks/use-issues';
import { useLabel } from '../../i18n/use-label';
import { LocalizedInputs } from '../../ui/localized-inputs';
import { useRoleT } from '../i18n/use-role-t';
import { roleOf, setRoleText } from '../model/role-edits';
import { inRole, roleIssueText } from '../model/role-texts';
import { ObjectPermissionDetail } from './object-permission-detail';
import { PermissionMatrix } from './permission-matrix';
import { RolePreviewDrawer } from './role-preview-drawer';

/** The open role: its name, its problems, the matrix of what it may do per object, one object's fields, and "view as this role". */
export function RolesWorkspace() {
  const t = useRoleT();
  const label = useLabel();
  const store = useStudioStore();
  const document = useStudio((s) => s.document);
  const appId = useStudio((s) => s.appId);
  const roleId = useStudio((s) => s.selection.roleId ?? null);
  const allIssues = useIssues();
  const [detail, setDetail] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const role = document && roleId ? roleOf(document, roleId) : undefined;
  if (!document || !appId) return null;
  if (!role) return <Empty style={{ marginTop: 80 }} description={(document.roles ?? []).length ? t('roles.pick') : t('roles.none')} />;
  const index = (document.roles ?? []).indexOf(role);
  const issues = allIssues.filter((issue) => inRole(issue.pointer, index));
  const detailObject = document.objects.find((o) => o.id === detail);
  const { edit } = store.getState();
  return (
    <Flex vertical gap={12} data-testid="roles-workspace">
      <Card size="small">
        <Flex justify="space-between" align="start" gap={16}>
          <Form layout="vertical" style={{ flex: 1, maxWidth: 520 }}>
            <LocalizedInputs
              value={role.label}
              onChange={(text) => edit((d) => setRoleText(d, role.id, 'label', text ?? {}), { merge: `role.${role.id}.label` })}
              labels={['studio.labelZh', 'studio.labelEn']}
              testId="role-label"
            />
          </Form>
          <Button icon={<EyeOutlined />} onClick={() => setPreviewing(true)} data-testid="role-view-as">
            {t('roles.viewAs')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('roles.hint')}
        </Typography.Paragraph>
      </Card>
      {issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('roles.problems', { count: issues.length })}
          data-testid="role-problems"
          description={
            <List
              size="small"
              dataSource={issues}
              renderItem={(issue) => (
                <List.Item data-testid="role-problem" data-pointer={issue.pointer}>
                  {roleIssueText(document, issue, t, label)}
                </List.Item>
              )}
            />
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('roles.noProblems')} data-testid="role-problems-none" />
      )}
      <Card size="small">
        <PermissionMatrix role={role} objects={document.objects} detail={detail} onDetail={setDetail} />
      </Card>
      {detailObject && <ObjectPermissionDetail role={role} object={detailObject} />}
      <RolePreviewDrawer appId={appId} document={document} role={role} open={previewing} onClose={() => setPreviewing(false)} />
    </Flex>
  );
}
