import { CopyOutlined } from '@ant-design/icons';
import { type ApiToken, ErrorState } from '@tessera/ui';
import { Alert, Button, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../i18n/use-t';
import { useApiTokens } from './use-api-tokens';

const when = (at: string | null, never: string) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : never);

export function ApiTokensModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { tokens, created, creating, create, revoke, copySecret, forgetSecret } = useApiTokens(open);
  const [form] = Form.useForm<{ name: string }>();

  const close = () => {
    forgetSecret(); // the secret is never shown again, not even on reopening
    onClose();
  };

  return (
    <Modal open={open} title={t('user.apiTokens')} onCancel={close} footer={null} width={760} destroyOnHidden data-testid="api-tokens">
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {created ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('tokens.createdTitle')}
          description={
            <Flex vertical gap={8}>
              <span>{t('tokens.createdWarning')}</span>
              <Flex gap={8}>
                <Input readOnly value={created.token} data-testid="api-token-secret" style={{ fontFamily: 'monospace' }} />
                <Button icon={<CopyOutlined />} onClick={() => void copySecret()}>
                  {t('tokens.copy')}
                </Button>
              </Flex>
              <div>
                <Button type="primary" onClick={forgetSecret}>
                  {t('tokens.done')}
                </Button>
              </div>
            </Flex>
          }
        />
      ) : (
        <Form form={form} layout="inline" style={{ marginBottom: 16 }} onFinish={(v) => void create(v.name).then((ok) => ok && form.resetFields())}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: 1 }}>
            <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} aria-label={t('tokens.name')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={creating}>
            {t('tokens.create')}
          </Button>
        </Form>
      )}
      {tokens.status === 'failed' ? (
        <ErrorState title={t('tokens.loadFailed')} error={tokens.error} onRetry={tokens.reload} />
      ) : (
        <Table<ApiToken>
          rowKey="id"
          size="small"
          loading={tokens.status === 'loading'}
          dataSource={tokens.data ?? []}
          pagination={false}
          locale={{ emptyText: t('tokens.empty') }}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name' },
            { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => when(v, '') },
            { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => when(v, t('tokens.never')) },
            {
              title: t('tokens.status'),
              render: (_, token) => (token.revokedAt ? <Tag>{t('tokens.revoked')}</Tag> : <Tag color="green">{t('tokens.active')}</Tag>),
            },
            {
              title: t('common.actions'),
              render: (_, token) =>
                token.revokedAt ? null : (
                  <Popconfirm
                    title={t('tokens.revokeConfirm')}
                    okText={t('tokens.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke(token.id)}
                  >
                    <Button type="link" danger size="small">
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
