import type { FieldDefinition } from '@tessera/schemas';
import { Input } from 'antd';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';

interface QuickSearchProps {
  field: FieldDefinition;
  value: string;
  onChange: (text: string) => void;
}

/** The search box of a list or a board: "contains" on the object's search field. */
export function QuickSearch({ field, value, onChange }: QuickSearchProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  return (
    <Input.Search
      allowClear
      data-testid="record-search"
      placeholder={t('list.search', { field: localized(field.label, locale, field.id) })}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ flex: '1 1 auto', minWidth: 0, maxWidth: 320 }}
    />
  );
}
