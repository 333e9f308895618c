import type { FieldDefinition } from '@tessera/schemas';
import { Typography } from 'antd';
import type { RecordData } from '../api/types';
import { useT } from '../i18n/use-t';
import { FieldCell } from '../objects/field-cell';
import { useSessionStore } from '../stores/session-store';
import { ChildTableView } from '../widgets/child-table/child-table-view';
import { RichTextView } from '../widgets/rich-text-view';
import { SignatureImage } from '../widgets/signature-image';

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
  if (field.type === 'child_table') return <ChildTableView field={field} lines={value} />;
  if (field.type === 'long_text') {
    return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{String(value)}</Typography.Paragraph>;
  }
  if (field.type === 'rich_text') return <RichTextView html={String(value)} testId={`rich-text-view-${field.id}`} />;
  if (field.type === 'signature') return <SignatureImage value={value} size="page" />;
  return <FieldCell field={field} record={record} locale={locale} t={t} />;
}
