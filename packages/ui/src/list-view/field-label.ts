import type { Locale } from '@tessera/i18n';
import { type LocalizedText, SYSTEM_COLUMN_LABELS } from '@tessera/schemas';
import { localized } from '../i18n/localized';
import type { Translate } from '../i18n/messages';
import type { FilterableField } from './filter-fields';

const SYSTEM_COLUMNS: Record<string, LocalizedText> = SYSTEM_COLUMN_LABELS;

/**
 * A column every record has, named as reports, exports and the designers name it; `_dormant` is
 * the list's own computed column. Null for a field of the designer's.
 */
export function systemColumnLabel(id: string, locale: Locale, t: Translate): string | null {
  if (id === '_dormant') return t('listView.system._dormant');
  const label = SYSTEM_COLUMNS[id];
  return label ? localized(label, locale, id) : null;
}

/** A field's name as the user reads it: the designer's label, or ours for a system column. */
export function filterFieldLabel(target: Pick<FilterableField, 'id' | 'field'>, locale: Locale, t: Translate): string {
  if (target.field) return localized(target.field.label, locale, target.id);
  return systemColumnLabel(target.id, locale, t) ?? target.id;
}
