import { type Locale, translate } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';

/** Names of people and departments, by id, for the cells of an export. */
export interface ExportNames {
  users: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, string>;
}

const label = (text: Record<string, string | undefined> | undefined, locale: Locale, fallback: string) =>
  text?.[locale] ?? text?.en ?? text?.['zh-CN'] ?? fallback;

/**
 * A record's value as a spreadsheet cell, as the list shows it: option labels rather than option
 * values, the related record's display text, people and departments by name, 是/否 for yes/no,
 * numbers as numbers, file names for attachments. Encrypted fields arrive masked from the list.
 */
export function exportCell(
  field: FieldDefinition,
  value: unknown,
  display: Record<string, unknown> | undefined,
  names: ExportNames,
  locale: Locale,
): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent': {
      const n = Number(value);
      // Beyond 15 significant digits a spreadsheet number loses digits: keep the exact text.
      return Number.isFinite(n) && String(value).replace(/[-.]/g, '').replace(/^0+/, '').length <= 15 ? n : String(value);
    }
    case 'checkbox':
      return translate(locale, value === true ? 'export.yes' : 'export.no');
    case 'select':
      return label(field.options?.find((o) => o.value === value)?.label, locale, String(value));
    case 'multi_select':
      return (Array.isArray(value) ? value : [value]).map((v) => label(field.options?.find((o) => o.value === v)?.label, locale, String(v))).join(', ');
    case 'relation':
      return String(display?.[field.id] ?? value);
    case 'user':
      return names.users.get(String(value)) ?? String(value);
    case 'department':
      return names.departments.get(String(value)) ?? String(value);
    case 'attachment':
    case 'image':
      return Array.isArray(value) ? value.map((file: { name?: string }) => file?.name ?? '').join(', ') : null;
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
