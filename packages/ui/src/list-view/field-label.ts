import type { Locale } from '@tessera/i18n';
import { localized } from '../i18n/localized';
import type { MessageKey, Translate } from '../i18n/messages';
import type { FilterableField } from './filter-fields';

const SYSTEM_LABEL: Record<string, MessageKey> = {
  owner_id: 'listView.system.owner_id',
  department_id: 'listView.system.department_id',
  created_by: 'listView.system.created_by',
  created_at: 'listView.system.created_at',
  updated_at: 'listView.system.updated_at',
  updated_by: 'listView.system.updated_by',
  _dormant: 'listView.system._dormant',
};

/** A field's name as the user reads it: the designer's label, or ours for a system column. */
export function filterFieldLabel(target: Pick<FilterableField, 'id' | 'field'>, locale: Locale, t: Translate): string {
  if (target.field) return localized(target.field.label, locale, target.id);
  const key = SYSTEM_LABEL[target.id];
  return key ? t(key) : target.id;
}
