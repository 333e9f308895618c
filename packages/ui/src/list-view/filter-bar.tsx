import { FilterOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Button, Flex, Popover, Spin } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { RecordFilter } from '../api/types';
import { useT } from '../i18n/use-t';
import { FilterChip } from './filter-chip';
import { type FilterableField, pathFilterField } from './filter-fields';

interface FilterBarProps {
  appId: string;
  objects: readonly ObjectDefinition[];
  fields: readonly FilterableField[];
  filters: RecordFilter[];
  onChange: (filters: RecordFilter[]) => void;
}

// The editor brings date, user and record pickers: loaded when a filter is first added or changed.
const FilterEditor = lazy(() => import('./filter-editor').then((m) => ({ default: m.FilterEditor })));

/** Which popover is open: the editor of one chip, of a new condition, or none. */
type Editing = number | 'new' | null;

/**
 * The list's conditions as chips (all must match), each opening its editor; "Filter" adds one.
 * Conditions apply when the editor's "Apply" is pressed, never half-typed.
 */
export function FilterBar({ appId, objects, fields, filters, onChange }: FilterBarProps) {
  const t = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const byId = useMemo(() => new Map(fields.map((f) => [f.id, f])), [fields]);
  const close = () => setEditing(null);

  const editor = (index: Editing) => (
    <Suspense fallback={<Spin size="small" />}>
      <FilterEditor
        appId={appId}
        objects={objects}
        fields={fields}
        initial={typeof index === 'number' ? filters[index] : undefined}
        onCancel={close}
        onApply={(condition) => {
          onChange(typeof index === 'number' ? filters.map((f, i) => (i === index ? condition : f)) : [...filters, condition]);
          close();
        }}
      />
    </Suspense>
  );

  return (
    <Flex wrap gap={8} align="center" data-testid="filter-bar" role="group" aria-label={t('listView.filter.allMatch')}>
      {filters.map((condition, index) => {
        const own = byId.get(condition.field);
        const target = own ?? pathFilterField(fields, objects, condition.field);
        if (!target) return null;
        return (
          <Popover
            // biome-ignore lint/suspicious/noArrayIndexKey: a filter has no id and may name a field twice; it is edited and removed by its place in the list
            key={`${index}:${condition.field}`}
            open={editing === index}
            onOpenChange={(open) => !open && close()}
            trigger="click"
            placement="bottomLeft"
            title={t('listView.filter.editTitle')}
            content={editing === index ? editor(index) : null}
            destroyOnHidden
          >
            <span>
              <FilterChip
                appId={appId}
                objects={objects}
                target={target}
                condition={condition}
                // A related record's condition (from a drill-down) can be removed, not edited: the editor offers the object's own fields.
                onEdit={() => own && setEditing(index)}
                onRemove={() => onChange(filters.filter((_, i) => i !== index))}
              />
            </span>
          </Popover>
        );
      })}
      <Popover
        open={editing === 'new'}
        onOpenChange={(open) => setEditing(open ? 'new' : null)}
        trigger="click"
        placement="bottomLeft"
        title={t('listView.filter.addTitle')}
        content={editing === 'new' ? editor('new') : null}
        destroyOnHidden
      >
        <Button icon={<FilterOutlined />} data-testid="filter-add">
          {t('listView.filter.button')}
        </Button>
      </Popover>
      {filters.length > 0 && (
        <Button type="link" onClick={() => onChange([])} data-testid="filter-clear" style={{ paddingInline: 4 }}>
          {t('listView.filter.clearAll')}
        </Button>
      )}
    </Flex>
  );
}
