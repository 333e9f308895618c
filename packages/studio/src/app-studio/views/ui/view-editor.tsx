import { indexColumnsText, viewIndexColumns } from '@tessera/meta/validate';
import type { AppDocument, ListView, ObjectDefinition } from '@tessera/schemas';
import { FilterBar } from '@tessera/ui/filter-bar';
import { filterableFields } from '@tessera/ui/filter-rules';
import { Alert, Card, Flex, Form, Input, List, Typography } from 'antd';
import { useMemo } from 'react';
import { useStudioStore } from '../../hooks/studio-context';
import { useIssues } from '../../hooks/use-issues';
import { useViewT } from '../i18n/use-view-t';
import { renameView, setFilters } from '../model/view-edits';
import { ColumnPicker } from './column-picker';
import { LayoutSettings } from './layout-settings';
import { SortEditor } from './sort-editor';

const NO_ACCESS = { actions: [], hiddenFields: [], readOnlyFields: [] };
const NO_ROLLUPS: readonly string[] = [];

interface ViewEditorProps {
  appId: string;
  document: AppDocument;
  object: ObjectDefinition;
  view: ListView;
  /** The view's place among the object's views, for its problems' pointers. */
  pointer: string;
}

/** One list view: its names, layout and roles, the index publishing builds for it, its columns, default filters and sort. */
export function ViewEditor({ appId, document, object, view, pointer }: ViewEditorProps) {
  const t = useViewT();
  const store = useStudioStore();
  const edit = store.getState().edit;
  const issues = useIssues().filter((i) => i.pointer === pointer || i.pointer.startsWith(`${pointer}/`));
  // The builder of the runtime's own filter bar: every field a person could filter by, with the value input of its kind.
  const filterable = useMemo(() => filterableFields(object, NO_ACCESS, NO_ROLLUPS), [object]);
  const index = viewIndexColumns(view);
  const rename = (locale: 'zh-CN' | 'en', text: string) =>
    edit((d) => renameView(d, object.id, view.id, locale, text), { merge: `view-label-${view.id}-${locale}` });
  return (
    <Flex vertical gap={12} data-testid={`view-editor-${view.id}`}>
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('views.problems', { count: issues.length })}
          description={<List size="small" dataSource={issues} renderItem={(issue) => <List.Item data-testid="view-problem">{issue.message}</List.Item>} />}
        />
      )}
      <Card size="small">
        <Flex gap={12} wrap>
          <Form.Item label={t('views.labelZh')} style={{ marginBottom: 8 }}>
            <Input value={view.label['zh-CN'] ?? ''} lang="zh-CN" onChange={(e) => rename('zh-CN', e.target.value)} data-testid="view-label-zh" />
          </Form.Item>
          <Form.Item label={t('views.labelEn')} style={{ marginBottom: 8 }}>
            <Input value={view.label.en ?? ''} lang="en" onChange={(e) => rename('en', e.target.value)} data-testid="view-label-en" />
          </Form.Item>
        </Flex>
        <LayoutSettings document={document} object={object} view={view} />
        <Typography.Text type="secondary" data-testid="view-index">
          {index.length > 0 ? t('views.index', { columns: indexColumnsText(index) }) : t('views.noIndex')}
        </Typography.Text>
      </Card>
      <Card size="small" title={t('views.columns')}>
        <ColumnPicker object={object} view={view} />
      </Card>
      <Card size="small" title={t('views.filters')}>
        <div data-testid="view-filters">
          <FilterBar
            appId={appId}
            objects={document.objects}
            fields={filterable}
            filters={view.filters ?? []}
            onChange={(filters) => edit((d) => setFilters(d, object.id, view.id, filters))}
          />
        </div>
      </Card>
      <Card size="small" title={t('views.sort')}>
        <SortEditor document={document} object={object} view={view} />
      </Card>
    </Flex>
  );
}
