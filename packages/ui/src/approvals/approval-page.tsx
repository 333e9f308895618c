import { ArrowLeftOutlined } from '@ant-design/icons';
import { chosenForm } from '@tessera/forms/form-choice';
import { Button, Card, Col, Result, Row, Skeleton, Typography } from 'antd';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/problem';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { buildLayout } from '../record-page/form-layout';
import { RecordDetails } from '../record-page/record-details';
import { usePageFrame } from '../record-page/use-page-frame';
import { RecordDrawer, RecordDrawerPreload } from '../records/lazy-record-drawer';
import { ErrorState } from '../shell/error-state';
import { useMyRoleIds } from '../stores/auth-store';
import { useCurrentAppStore, useObjectAccess } from '../stores/current-app-store';
import { useRouteStore } from '../stores/route-store';
import { useSessionStore } from '../stores/session-store';
import { ApprovalPanel } from './approval-panel';
import { type ApprovalRecord, approvalsApi, type InstanceView } from './approvals-api';
import { useApproval } from './use-approval';
import '../record-page/record-page.css';

/**
 * One approval (`/approvals/instances/:id`), where the inbox leads: the record as the person's
 * step lets them see it, and beside it the steps, their actions and the history. An approver
 * without any access to the record's object still sees and decides it here. The host puts it
 * under its own header.
 */
export function ApprovalPage({ instanceId }: { instanceId: string }) {
  const t = useT();
  const navigate = useRouteStore((s) => s.navigate);
  const approval = useApproval(instanceId);
  const gone = approval.status === 'failed' && approval.error instanceof ApiError && (approval.error.status === 404 || approval.error.status === 403);
  return (
    <div className="record-page-content" data-testid="approval-page">
      <Button
        type="link"
        size="small"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate({ name: 'approvals', box: 'todo' })}
        className="record-page-back"
        data-testid="approval-back"
      >
        {t('approvals.inbox')}
      </Button>
      {gone && <Result status="404" subTitle={t('recordPage.notFound')} />}
      {approval.status === 'failed' && !gone && <ErrorState title={t('record.loadFailed')} error={approval.error} onRetry={approval.reload} />}
      {approval.status !== 'failed' && !approval.view && <Skeleton active paragraph={{ rows: 8 }} />}
      {approval.view && <ApprovalBody view={approval.view} approval={approval} />}
    </div>
  );
}

function ApprovalBody({ view, approval }: { view: InstanceView; approval: ReturnType<typeof useApproval> }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);
  const frame = usePageFrame(view.appId, view.objectId);
  const access = useObjectAccess(view.objectId);
  const document = useCurrentAppStore((s) => s.document);
  const roleIds = useMyRoleIds(view.appId);
  const [record, setRecord] = useState<ApprovalRecord | null>(null);
  const [filling, setFilling] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { changed } = approval;

  // The record as the step shows it, again after each decision (a flow step may have changed it) and each fill.
  useEffect(() => {
    const controller = new AbortController();
    approvalsApi.record(view.id, controller.signal).then(setRecord, () => undefined);
    return () => controller.abort();
  }, [view.id, changed, attempt]);

  const object = frame.object;
  const layout = useMemo(() => {
    if (!object) return [];
    const hidden = new Set([...(record?.fields.hidden ?? []), ...access.hiddenFields]);
    const form = document ? chosenForm(document, object.id, roleIds) : null;
    return buildLayout({ ...object, fields: object.fields.filter((f) => !hidden.has(f.id)) }, form);
  }, [object, record, access, document, roleIds]);
  const fieldLabel = useCallback((id: string) => localized(object?.fields.find((f) => f.id === id)?.label, locale, id), [object, locale]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <div className="record-page-stack">
          <Card size="small" className="record-page-card" data-testid="approval-record-card">
            <Typography.Text type="secondary" className="record-page-kind">
              {object ? localized(object.label, locale, object.id) : view.objectId}
            </Typography.Text>
            <Typography.Title level={4} className="record-page-title" data-testid="approval-record-title">
              {view.recordLabel ?? view.recordId?.slice(0, 8)}
            </Typography.Title>
            {access.actions.includes('read') && view.recordId && (
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0 }}
                onClick={() => navigate({ name: 'record', appId: view.appId, objectId: view.objectId, recordId: view.recordId! })}
              >
                {t('approvals.openRecord')}
              </Button>
            )}
          </Card>
          {record && object ? <RecordDetails layout={layout} record={record.record} /> : <Skeleton active paragraph={{ rows: 6 }} />}
        </div>
      </Col>
      <Col xs={24} lg={9}>
        <ApprovalPanel approval={approval} fieldLabel={fieldLabel} onFill={() => setFilling(true)} />
      </Col>
      <RecordDrawerPreload />
      {filling && object && view.recordId && (
        <Suspense fallback={null}>
          <RecordDrawer
            appId={view.appId}
            object={object}
            target={{ mode: 'edit', recordId: view.recordId, approval: view.id }}
            onClose={() => setFilling(false)}
            onSaved={() => setAttempt((n) => n + 1)}
            onDeleted={() => setFilling(false)}
          />
        </Suspense>
      )}
    </Row>
  );
}
