import type { AppDocument, ListView, ObjectDefinition } from '@tessera/schemas';
import { Flex, Form, Segmented, Select } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useViewT } from '../i18n/use-view-t';
import { setLayout, setLayoutField, setViewRoles } from '../model/view-edits';

type Layout = NonNullable<ListView['layout']>;
const LAYOUTS: readonly Layout[] = ['table', 'kanban', 'calendar'];

/** How the view opens (a table, a board by a select field, a calendar by a date) and which roles see it. */
export function LayoutSettings({ document, object, view }: { document: AppDocument; object: ObjectDefinition; view: ListView }) {
  const t = useViewT();
  const label = useLabel();
  const store = useStudioStore();
  const edit = store.getState().edit;
  const layout = view.layout ?? 'table';
  const fieldOptions = (types: readonly string[]) =>
    object.fields.filter((f) => types.includes(f.type)).map((f) => ({ value: f.id, label: label(f.label, f.id) }));
  const layoutField = layout === 'kanban' ? ('groupField' as const) : layout === 'calendar' ? ('dateField' as const) : null;
  return (
    <Flex vertical gap={4}>
      <Form.Item label={t('views.layout')} style={{ marginBottom: 8 }}>
        <Segmented<Layout>
          value={layout}
          onChange={(next) => edit((d) => setLayout(d, object.id, view.id, next))}
          options={LAYOUTS.map((value) => ({ value, label: <span data-testid={`view-layout-${value}`}>{t(`views.layout.${value}`)}</span> }))}
        />
      </Form.Item>
      {layoutField && (
        <Form.Item label={t(layoutField === 'groupField' ? 'views.groupField' : 'views.dateField')} style={{ marginBottom: 8 }}>
          <Select
            style={{ minWidth: 200 }}
            value={view[layoutField]}
            onChange={(field: string) => edit((d) => setLayoutField(d, object.id, view.id, layoutField, field))}
            options={fieldOptions(layoutField === 'groupField' ? ['select'] : ['date', 'datetime'])}
            data-testid="view-layout-field"
          />
        </Form.Item>
      )}
      <Form.Item label={t('views.roles')} style={{ marginBottom: 8 }}>
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 240 }}
          placeholder={t('views.everyone')}
          value={view.roles ?? []}
          onChange={(roles: string[]) => edit((d) => setViewRoles(d, object.id, view.id, roles))}
          options={(document.roles ?? []).map((role) => ({ value: role.id, label: label(role.label, role.id) }))}
          data-testid="view-roles"
        />
      </Form.Item>
    </Flex>
  );
}
