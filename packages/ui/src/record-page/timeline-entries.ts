import type { Locale } from '@tessera/i18n';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { HistoryEntry } from '../api/types';
import { formatDate, formatDateTime, formatFigure, optionDisplay } from '../format/field-format';
import { localized } from '../i18n/localized';
import { isFileRef } from '../widgets/file-values';
import { richTextExcerpt } from '../widgets/rich-text-values';

export interface TimelineChange {
  field: string;
  label: string;
  /** null when the field was empty before (a create, or a first value). */
  old: string | null;
  new: string;
}

export interface TimelineEntry {
  key: string;
  operation: HistoryEntry['operation'];
  version: number;
  actorId: string | null;
  at: string;
  changes: TimelineChange[];
}

/** Words the formatter needs from the UI catalog, so this stays a pure function. */
export interface TimelineWords {
  empty: string;
  yes: string;
  no: string;
  /** Stands for a signature image, which means nothing as text. */
  signed: string;
  /** A child table's new lines, by count: the whole list would drown the timeline. */
  lines: (count: number) => string;
}

/**
 * One history value as a reader knows it. Encrypted values arrive masked (`••••1234`) and pass
 * through as text; relation values are bare ids in history, so they are shortened rather than
 * shown as a 36-character uuid.
 */
export function describeValue(field: FieldDefinition | undefined, value: unknown, locale: Locale, words: TimelineWords): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  switch (field?.type) {
    case 'select':
    case 'multi_select':
      return (Array.isArray(value) ? value : [value]).map((v) => optionDisplay(field, String(v), locale).label).join(', ');
    case 'currency':
    case 'number':
    case 'percent':
      return formatFigure(field, value, locale) ?? String(value);
    case 'date':
      return formatDate(value);
    case 'datetime':
      return formatDateTime(value);
    case 'relation':
    case 'user':
    case 'department':
      return typeof value === 'string' && value.length > 12 ? `#${value.slice(0, 8)}` : String(value);
    case 'rich_text':
      // Shown as text (React escapes it): the markup of an old value is never rendered here.
      return richTextExcerpt(String(value), 120);
    case 'signature':
      return words.signed;
    case 'child_table':
      return Array.isArray(value) ? words.lines(value.length) : String(value);
    case 'attachment':
    case 'image':
      return Array.isArray(value)
        ? value
            .filter(isFileRef)
            .map((f) => f.name)
            .join(', ')
        : String(value);
    default:
      if (Array.isArray(value)) return value.join(', ');
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** The record's history, newest first, with field labels and readable values. */
export function timelineEntries(history: readonly HistoryEntry[], object: ObjectDefinition, locale: Locale, words: TimelineWords): TimelineEntry[] {
  const fields = new Map(object.fields.map((f) => [f.id, f]));
  return [...history]
    .sort((a, b) => b.version - a.version || b.at.localeCompare(a.at))
    .map((entry) => ({
      key: `${entry.version}-${entry.at}`,
      operation: entry.operation,
      version: entry.version,
      actorId: entry.actorId,
      at: entry.at,
      changes: entry.changes.map((change) => {
        const field = fields.get(change.field);
        const hadValue = change.old !== null && change.old !== undefined && change.old !== '';
        return {
          field: change.field,
          label: field ? localized(field.label, locale, field.id) : change.field,
          old: hadValue ? describeValue(field, change.old, locale, words) : null,
          new: describeValue(field, change.new, locale, words),
        };
      }),
    }));
}
