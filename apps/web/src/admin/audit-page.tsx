import { ReloadOutlined } from '@ant-design/icons';
import { ErrorState, localized, useSessionStore } from '@tessera/ui';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { LabelledAuditLine } from '../api/admin-client';
import { auditActionName } from '../i18n/audit-actions';
import { useT } from '../i18n/use-t';
import { type AuditFilterValues, useAudit } from './use-audit';
import { useDirectory } from './use-directory';

/** Colour by the action's family (`auth.`, `record.`, …) so a long log can be scanned. */
const FAMILY_COLOURS: Record<string, string> = {
  auth: 'blue',
  record: 'green',
  user: 'purple',
  department: 'purple',
  meta: 'orange',
  app: 'orange',
  role: 'magenta',
};

export function AuditPage() {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const directory = useDirectory();
  const { lines, apply } = useAudit();
  const [form] = Form.useForm<AuditFilterValues>();
  const users = directory.data?.users ?? [];
  const apps = directory.data?.apps ?? [];
  const userName = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? id.slice(0, 8)) : t('audit.system'));

  return (
    <Card variant="borderless" data-testid="audit-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('admin.audit')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.subtitle')}</Typography.Paragraph>
      <Form<AuditFilterValues> form={form} layout="inline" onFinish={apply} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="actorId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.anyUser')}
            style={{ width: 180 }}
            options={users.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="appId">
          <Select
            allowClear
            placeholder={t('audit.anyApp')}
            style={{ width: 180 }}
            options={apps.map((a) => ({ value: a.id, label: localized(a.label, locale, a.id) }))}
          />
        </Form.Item>
        <Form.Item name="objectId">
          <Input allowClear placeholder={t('audit.objectId')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action">
          <Input allowClear placeholder={t('audit.actionPrefix')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit">
            {t('audit.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {t('audit.reset')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={lines.reload} aria-label={t('common.refresh')} />
        </Flex>
      </Form>
      {lines.status === 'failed' ? (
        <ErrorState title={t('audit.loadFailed')} error={lines.error} onRetry={lines.reload} />
      ) : (
        <Table<LabelledAuditLine>
          size="small"
          data-testid="audit-table"
          rowKey={(line, index) => `${line.at}-${line.action}-${index ?? 0}`}
          loading={lines.status === 'loading'}
          dataSource={lines.data ?? []}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('audit.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (count) => t('audit.showing', { count }) }}
          expandable={{
            expandedRowRender: (line) => <pre className="tessera-audit-detail">{JSON.stringify(line.detail, null, 2)}</pre>,
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('audit.actor'), dataIndex: 'actorId', width: 140, render: userName },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              // The action's name in the reader's language; its code stays at hand for the filter.
              render: (action: string) => (
                <Tag color={FAMILY_COLOURS[action.split('.')[0] ?? ''] ?? 'default'} title={action} data-testid="audit-action">
                  {auditActionName(action, locale)}
                </Tag>
              ),
            },
            { title: t('audit.subject'), dataIndex: 'subject', ellipsis: true },
            {
              title: t('audit.app'),
              dataIndex: 'appId',
              render: (id: string | null) => (id ? localized(apps.find((a) => a.id === id)?.label, locale, id) : null),
            },
            {
              title: t('audit.object'),
              dataIndex: 'objectId',
              render: (id: string | null, line) => (id ? <span data-testid="audit-object">{localized(line.objectLabel ?? undefined, locale, id)}</span> : null),
            },
            {
              title: t('audit.record'),
              dataIndex: 'recordId',
              ellipsis: true,
              // The record's title when the reader may read it; a deleted or hidden one by its short id.
              render: (id: string | null, line) =>
                id ? (
                  <span data-testid="audit-record" title={id}>
                    {line.recordTitle ?? <Typography.Text code>{id.slice(0, 8)}</Typography.Text>}
                  </span>
                ) : null,
            },
            { title: t('audit.ip'), dataIndex: 'ip', width: 120 },
          ]}
        />
      )}
    </Card>
  );
}
