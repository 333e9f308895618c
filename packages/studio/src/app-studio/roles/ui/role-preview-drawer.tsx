import type { AppDocument, ObjectDefinition, RoleDefinition } from '@tessera/schemas';
import { errorMessage, localized, useSessionStore, useT } from '@tessera/ui';
import { Alert, Descriptions, Drawer, Flex, Form, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useLabel } from '../../i18n/use-label';
import { useRolePreview } from '../hooks/use-role-preview';
import { useRoleT } from '../i18n/use-role-t';

interface RolePreviewDrawerProps {
  appId: string;
  document: AppDocument;
  role: RoleDefinition;
  open: boolean;
  onClose: () => void;
}

/** A value as text for the read-only preview: the server's display text of relations and regions first. */
function shown(record: Record<string, unknown>, fieldId: string): string {
  const display = (record._display as Record<string, string | null> | undefined)?.[fieldId];
  if (display) return display;
  const value = record[fieldId];
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** "View as this role": pick a sample person and an object; their list and one record, read-only, as the server gives them. */
export function RolePreviewDrawer({ appId, document, role, open, onClose }: RolePreviewDrawerProps) {
  const t = useRoleT();
  const uiT = useT();
  const label = useLabel();
  const locale = useSessionStore((s) => s.locale);
  const readable = document.objects.filter((o) => role.permissions?.some((p) => p.object === o.id));
  const state = useRolePreview(appId, role, readable[0]?.id ?? document.objects[0]?.id ?? null, open);
  const object: ObjectDefinition | undefined = document.objects.find((o) => o.id === state.objectId);
  const holders = new Set((state.users.data ?? []).filter((u) => u.roles[appId]?.includes(role.id)).map((u) => u.id));
  const people = [...(state.users.data ?? [])].filter((u) => u.active).sort((a, b) => Number(holders.has(b.id)) - Number(holders.has(a.id)));
  const data = state.preview.data;
  const visible = object?.fields.filter((f) => !data?.access.hiddenFields.includes(f.id)) ?? [];
  return (
    <Drawer open={open} onClose={onClose} size={820} title={t('roles.viewAs.title', { role: label(role.label, role.id) })} destroyOnHidden>
      <div data-testid="role-preview">
        <Flex gap={12} wrap>
          <Form.Item label={t('roles.viewAs.user')} style={{ minWidth: 320 }}>
            <Select<string>
              value={state.userId ?? ''}
              onChange={(id) => state.chooseUser(id || null)}
              loading={state.users.status === 'loading'}
              data-testid="role-preview-user"
              showSearch={{ optionFilterProp: 'title' }}
              options={[
                { value: '', label: t('roles.viewAs.self'), title: t('roles.viewAs.self') },
                ...people.map((u) => ({
                  value: u.id,
                  title: u.name,
                  label: (
                    <span data-testid={`role-preview-user-${u.email}`}>
                      {u.name} {holders.has(u.id) && <Tag color="blue">{t('roles.viewAs.holds')}</Tag>}
                    </span>
                  ),
                })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('roles.viewAs.object')} style={{ minWidth: 220 }}>
            <Select<string>
              value={state.objectId ?? undefined}
              onChange={state.chooseObject}
              data-testid="role-preview-object"
              options={document.objects.map((o) => ({ value: o.id, label: label(o.label, o.id) }))}
            />
          </Form.Item>
        </Flex>
        {state.preview.status === 'loading' && <Skeleton active />}
        {state.preview.status === 'failed' && <Alert type="error" showIcon title={errorMessage(state.preview.error, uiT)} data-testid="role-preview-error" />}
        {data && object && !data.access.actions.includes('read') && (
          <Alert type="info" showIcon title={t('roles.viewAs.cannotRead', { object: label(object.label, object.id) })} />
        )}
        {data && object && !data.published && (
          <Alert
            type="info"
            showIcon
            title={t('roles.viewAs.notPublished', { object: label(object.label, object.id) })}
            data-testid="role-preview-unpublished"
          />
        )}
        {data && object && data.access.actions.includes('read') && (
          <>
            <Typography.Paragraph data-testid="role-preview-count">
              {t('roles.viewAs.count', { name: data.viewer.name, total: data.total ?? data.items.length })}
              {data.access.hiddenFields.length > 0 && (
                <Typography.Text type="secondary" data-testid="role-preview-hidden">
                  {' · '}
                  {t('roles.viewAs.hiddenFields', {
                    fields: data.access.hiddenFields.map((id) => label(object.fields.find((f) => f.id === id)?.label, id)).join(', '),
                  })}
                </Typography.Text>
              )}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('roles.viewAs.record')}</Typography.Text>
            <Table<Record<string, unknown>>
              size="small"
              rowKey={(r) => String(r.id)}
              dataSource={data.items}
              pagination={false}
              scroll={{ x: true }}
              data-testid="role-preview-list"
              onRow={(r) => ({ onClick: () => state.chooseRecord(String(r.id)), style: { cursor: 'pointer' } })}
              rowClassName={(r) => (r.id === state.recordId ? 'ant-table-row-selected' : '')}
              columns={visible.map((f) => ({ key: f.id, title: localized(f.label, locale, f.id), render: (_: unknown, r) => shown(r, f.id) }))}
            />
            {data.record && (
              <Descriptions size="small" bordered column={1} style={{ marginTop: 12 }} data-testid="role-preview-record">
                {visible.map((f) => (
                  <Descriptions.Item key={f.id} label={localized(f.label, locale, f.id)}>
                    {shown(data.record as Record<string, unknown>, f.id)}
                    {data.access.readOnlyFields.includes(f.id) && <Tag style={{ marginInlineStart: 8 }}>{t('roles.field.readOnly')}</Tag>}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </>
        )}
      </div>
    </Drawer>
  );
}
