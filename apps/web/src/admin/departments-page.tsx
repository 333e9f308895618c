import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type AdminUser, ErrorState } from '@tessera/ui';
import { Button, Card, Col, Empty, Flex, Form, Input, Modal, Popconfirm, Row, Select, Statistic, Tooltip, Tree, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../i18n/use-t';
import { buildDepartmentTree, subtreeIds, withoutSubtree } from './department-tree';
import { type DepartmentFormValues, useDepartmentsEditor } from './use-departments-editor';
import { useDirectory } from './use-directory';

const userOptions = (users: readonly AdminUser[]) => users.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));

export function DepartmentsPage() {
  const t = useT();
  const directory = useDirectory();
  const departments = directory.data?.departments ?? [];
  const users = directory.data?.users ?? [];
  const editor = useDepartmentsEditor(departments, users, directory.reload);
  const tree = useMemo(() => buildDepartmentTree(departments), [departments]);
  const parentChoices = useMemo(
    () => (editor.selected ? withoutSubtree(tree, subtreeIds(departments, editor.selected.id)) : tree),
    [tree, departments, editor.selected],
  );

  if (directory.error && !directory.data) return <ErrorState title={t('departments.loadFailed')} error={directory.error} onRetry={directory.reload} />;

  const fields = (parents: typeof tree, testId: string) => (
    <>
      <Form.Item name="name" label={t('departments.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={100} data-testid={`${testId}-name`} />
      </Form.Item>
      <Form.Item name="parentId" label={t('departments.parent')}>
        <TreeSelect allowClear treeDefaultExpandAll placeholder={t('departments.top')} treeData={parents} />
      </Form.Item>
      <Form.Item name="headUserId" label={t('departments.head')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('departments.noHead')} options={userOptions(users)} />
      </Form.Item>
    </>
  );

  return (
    <Card variant="borderless" data-testid="departments-page">
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('admin.departments')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('departments.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.openCreate(null)} data-testid="department-new">
          {t('departments.new')}
        </Button>
      </Flex>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={10}>
          <Card size="small" style={{ minHeight: 320 }} loading={directory.loading && !directory.data}>
            {tree.length === 0 ? (
              <Empty description={t('departments.empty')} />
            ) : (
              <Tree
                blockNode
                defaultExpandAll
                data-testid="department-tree"
                treeData={tree}
                selectedKeys={editor.selected ? [editor.selected.id] : []}
                onSelect={(keys) => editor.select(typeof keys[0] === 'string' ? keys[0] : null)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" style={{ minHeight: 320 }}>
            {!editor.selected ? (
              <Empty description={t('departments.select')} style={{ marginTop: 64 }} />
            ) : (
              <>
                <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
                  <Statistic title={t('departments.members')} value={editor.memberCount} />
                  <Flex gap={8}>
                    <Button icon={<PlusOutlined />} onClick={() => editor.openCreate(editor.selected?.id ?? null)}>
                      {t('departments.newChild')}
                    </Button>
                    <Tooltip title={editor.isEmpty ? null : t('departments.notEmpty')}>
                      <Popconfirm
                        title={t('departments.deleteConfirm', { name: editor.selected.name })}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={editor.remove}
                        disabled={!editor.isEmpty}
                      >
                        <Button danger icon={<DeleteOutlined />} disabled={!editor.isEmpty}>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Tooltip>
                  </Flex>
                </Flex>
                <Form<DepartmentFormValues>
                  form={editor.editForm}
                  name="department-edit"
                  layout="vertical"
                  requiredMark={false}
                  onFinish={(v) => void editor.save(v)}
                >
                  {fields(parentChoices, 'department-edit')}
                  <Button type="primary" htmlType="submit" loading={editor.saving}>
                    {t('common.save')}
                  </Button>
                </Form>
              </>
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={editor.creating}
        title={t('departments.new')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={editor.saving}
        onOk={() => editor.createForm.submit()}
        onCancel={editor.closeCreate}
        forceRender
      >
        <Form<DepartmentFormValues>
          form={editor.createForm}
          name="department-create"
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void editor.create(v)}
        >
          {fields(tree, 'department-create')}
        </Form>
      </Modal>
    </Card>
  );
}
