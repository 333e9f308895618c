import type { FieldDefinition } from '@tessera/schemas';
import { Typography } from 'antd';
import type { RecordData } from '../api/types';
import { useT } from '../i18n/use-t';
import { FieldCell } from '../objects/field-cell';
import { useSessionStore } from '../stores/session-store';
import { displayAs } from './key-facts';

interface RecordValueProps {
  field: FieldDefinition;
  record: RecordData;
}

/**
 * One field read-only, as the table shows it, except that a page has room: long text is shown
 * whole (the cell cuts it at one line) and an empty value is a dash, so the grid keeps its rhythm.
 */
export function RecordValue({ field, record }: RecordValueProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const value = record[field.id];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  if (field.type === 'long_text' || field.type === 'rich_text') {
    return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{String(value)}</Typography.Paragraph>;
  }
  return <FieldCell field={displayAs(field)} record={record} locale={locale} t={t} />;
}
