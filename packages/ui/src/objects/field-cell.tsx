import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import { Space, Tag, Typography } from 'antd';
import type { RecordData } from '../api/types';
import { displayAs, formatDate, formatDateTime, formatFigure, optionDisplay } from '../format/field-format';
import type { Translate } from '../i18n/messages';
import { DepartmentCell } from '../widgets/department-cell';
import { FileCell } from '../widgets/file-cell';
import { RichTextCell } from '../widgets/rich-text-cell';
import { SignatureImage } from '../widgets/signature-image';
import { UserCell } from '../widgets/user-cell';

interface FieldCellProps {
  field: FieldDefinition;
  record: RecordData;
  locale: Locale;
  t: Translate;
}

function OptionTag({ field, value, locale }: { field: FieldDefinition; value: string; locale: Locale }) {
  const option = optionDisplay(field, value, locale);
  return (
    <Tag color={option.color} style={{ marginInlineEnd: 4 }}>
      {option.label}
    </Tag>
  );
}

/**
 * One value as a reader expects it: labels not codes, money with its currency, dates local; a
 * formula as the type it produces (a quote's total as money), wherever the cell is shown.
 */
export function FieldCell({ field: defined, record, locale, t }: FieldCellProps) {
  const field = displayAs(defined);
  const value = record[field.id];
  // A cell counts the lines; the record page lists them. A list sends only the count.
  if (field.type === 'child_table') {
    const count = Array.isArray(value) ? value.length : record._lineCounts?.[field.id];
    return typeof count === 'number' ? <span>{count === 1 ? t('childTable.lineOne') : t('childTable.lines', { count })}</span> : null;
  }
  if (value === null || value === undefined || value === '') return null;

  switch (field.type) {
    case 'select':
      return typeof value === 'string' ? <OptionTag field={field} value={value} locale={locale} /> : null;
    case 'multi_select':
      return Array.isArray(value) ? (
        <Space size={[0, 4]} wrap>
          {value
            .filter((v): v is string => typeof v === 'string')
            .map((v) => (
              <OptionTag key={v} field={field} value={v} locale={locale} />
            ))}
        </Space>
      ) : null;
    case 'user':
      // The server does not resolve people into `_display`: the page's ids are looked up in one batch.
      return typeof value === 'string' ? <UserCell userId={value} /> : null;
    case 'region':
      // `_display` holds the names of the code's levels: 330106 → 浙江省 杭州市 西湖区.
      return <span>{record._display?.[field.id] ?? String(value)}</span>;
    case 'attachment':
    case 'image':
      return <FileCell field={field} record={record} />;
    case 'relation':
      // The server resolves display text for us; the raw uuid means nothing to a reader.
      return <span>{record._display?.[field.id] ?? ''}</span>;
    case 'department':
      // Named from the department tree the browser loads once per session.
      return typeof value === 'string' ? <DepartmentCell departmentId={value} /> : null;
    case 'rich_text':
      return typeof value === 'string' ? <RichTextCell html={value} /> : null;
    case 'signature':
      return <SignatureImage value={value} size="cell" />;
    case 'currency':
    case 'number':
    case 'percent':
      return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFigure(field, value, locale)}</span>;
    case 'date':
      return <span>{formatDate(value)}</span>;
    case 'datetime':
      return <span>{formatDateTime(value)}</span>;
    case 'checkbox':
      return <Tag color={value === true ? 'green' : undefined}>{value === true ? t('common.yes') : t('common.no')}</Tag>;
    case 'email':
      return typeof value === 'string' ? <Typography.Link href={`mailto:${value}`}>{value}</Typography.Link> : null;
    case 'url':
      return typeof value === 'string' && /^https?:\/\//i.test(value) ? (
        <Typography.Link href={value} target="_blank" rel="noreferrer">
          {value}
        </Typography.Link>
      ) : (
        <span>{String(value)}</span>
      );
    case 'long_text':
      return (
        <Typography.Text ellipsis style={{ maxWidth: 240 }}>
          {String(value)}
        </Typography.Text>
      );
    default:
      return <span>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>;
  }
}
