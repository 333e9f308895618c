import type { ObjectDefinition } from '@tessera/schemas';
import { Select, Spin } from 'antd';
import type { RecordData } from '../api/types';
import { useT } from '../i18n/use-t';
import { type RelationOption, useRelationSearch } from './use-relation-search';

interface RelationSelectProps {
  appId: string;
  target: ObjectDefinition | null;
  /**
   * A related record whose name the caller already knows: the loaded record's own value and its
   * `_display` text (recordRelation below), or a line's value named by the child table. It may
   * arrive after the select has mounted, and the value may be set before or after it.
   */
  named: RelationOption | null;
  /**
   * Whether the select fetches the name of a value nobody named (a resumed draft, a preset, a saved
   * filter). Off where the caller names every value itself: the child table names all its lines'
   * records in one request.
   */
  fetchName?: boolean;
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/**
 * The related record a loaded record points to, named by GET record's `_display`; null while
 * there is no record (a new one, or still loading), when the field is empty, or when the user
 * may not see the related record (the server then names nothing).
 */
export function recordRelation(record: RecordData | null, fieldId: string): RelationOption | null {
  const value = record?.[fieldId];
  const label = record?._display?.[fieldId];
  return typeof value === 'string' && typeof label === 'string' && label !== '' ? { value, label } : null;
}

export function RelationSelect({ appId, target, named, fetchName = true, id, value, onChange }: RelationSelectProps) {
  const t = useT();
  const relation = useRelationSearch(appId, target, { value: value ?? null, named, fetchName, unavailableLabel: t('record.relationUnavailable') });

  return (
    <Select<string | null>
      id={id}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear
      placeholder={t('record.relationSearch')}
      options={relation.options}
      showSearch={{ filterOption: false, onSearch: relation.search }}
      onOpenChange={relation.onOpen}
      notFoundContent={relation.loading ? <Spin size="small" /> : undefined}
      loading={relation.loading}
    />
  );
}
