import type { ObjectDefinition } from '@tessera/schemas';
import { Select, Spin } from 'antd';
import { useMemo } from 'react';
import { useT } from '../i18n/use-t';
import { useRelationSearch, type RelationOption } from './use-relation-search';

interface RelationSelectProps {
  appId: string;
  target: ObjectDefinition | null;
  /** Display text of the current value, from the record's `_display`. */
  currentLabel: string | undefined;
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

export function RelationSelect({ appId, target, currentLabel, id, value, onChange }: RelationSelectProps) {
  const t = useT();
  const current = useMemo<RelationOption | null>(
    () => (value && currentLabel ? { value, label: currentLabel } : null),
    // Only the value the record was loaded with has a known label; later picks carry their own.
    [currentLabel],
  );
  const relation = useRelationSearch(appId, target, current);

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
