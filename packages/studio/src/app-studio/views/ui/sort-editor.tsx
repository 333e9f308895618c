import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { rollupFieldIds } from '@tessera/meta/validate';
import type { AppDocument, ListView, ObjectDefinition, SortKey } from '@tessera/schemas';
import { isSortable } from '@tessera/ui/filter-rules';
import { Button, Flex, Select } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useViewT } from '../i18n/use-view-t';
import { addSortKey, MAX_SORT_KEYS, removeSortKey, setSortKey } from '../model/view-edits';
import { useColumnName } from './use-column-name';

/** System columns a list may be ordered by, beside the object's sortable fields (the runtime's table offers the same). */
const SYSTEM_SORTS = ['created_at', 'updated_at'];

/** The columns the view may sort by, as the runtime's table offers them. */
function sortableColumns(document: AppDocument, object: ObjectDefinition): string[] {
  const rollups = [...rollupFieldIds(object, document)];
  return [...object.fields.filter((f) => isSortable(f, rollups)).map((f) => f.id), ...SYSTEM_SORTS];
}

/** The view's order: up to five keys, each a column and a direction. */
export function SortEditor({ document, object, view }: { document: AppDocument; object: ObjectDefinition; view: ListView }) {
  const t = useViewT();
  const name = useColumnName(object);
  const store = useStudioStore();
  const edit = store.getState().edit;
  const sort = view.sort ?? [];
  const columns = sortableColumns(document, object);
  const free = columns.filter((c) => !sort.some((s) => s.field === c));
  const set = (index: number, key: SortKey) => edit((d) => setSortKey(d, object.id, view.id, index, key));
  return (
    <Flex vertical gap={6} data-testid="view-sort">
      {sort.map((key, index) => (
        <Flex key={key.field} gap={6} align="center" data-testid={`view-sort-${index}`}>
          <Select
            style={{ minWidth: 180 }}
            aria-label={t('views.sortField', { position: index + 1 })}
            value={key.field}
            onChange={(field: string) => set(index, { ...key, field })}
            options={[key.field, ...free].map((c) => ({ value: c, label: name(c) }))}
            data-testid={`view-sort-field-${index}`}
          />
          <Select
            style={{ minWidth: 120 }}
            aria-label={t('views.sortDirection', { position: index + 1 })}
            value={key.direction ?? 'asc'}
            onChange={(direction: 'asc' | 'desc') => set(index, { ...key, direction })}
            options={[
              { value: 'asc', label: t('views.asc') },
              { value: 'desc', label: t('views.desc') },
            ]}
            data-testid={`view-sort-direction-${index}`}
          />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('views.removeSort', { position: index + 1 })}
            onClick={() => edit((d) => removeSortKey(d, object.id, view.id, index))}
          />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        style={{ alignSelf: 'flex-start' }}
        disabled={sort.length >= MAX_SORT_KEYS || free.length === 0}
        onClick={() => edit((d) => addSortKey(d, object.id, view.id, { field: free[0]!, direction: 'asc' }))}
        data-testid="view-sort-add"
      >
        {t('views.addSort')}
      </Button>
    </Flex>
  );
}
