import type { DocumentChange } from '@tessera/meta/validate';
import type { StudioKey, StudioT } from '../i18n/use-studio-t';
import type { RoleT } from '../roles/i18n/use-role-t';
import { isRoleChange, roleChangeText } from '../roles/model/role-texts';
import type { ChangeNames } from './change-names';

/** One change in the admin's words; forms, roles and the object of a form change by their labels (`names`). */
export function changeText(change: DocumentChange, t: StudioT, roleT: RoleT, names: ChangeNames): string {
  if (isRoleChange(change)) return roleChangeText(change, roleT, names);
  if (change.kind === 'default_form_changed') {
    const form = (id: string) => (id ? names.form(id) : t('studio.change.firstForm'));
    return t('studio.change.default_form_changed', { object: names.object(change.object), from: form(change.from), to: form(change.to) });
  }
  return t(`studio.change.${change.kind}` as StudioKey, {
    object: 'object' in change ? change.object : '',
    field: 'field' in change ? change.field : '',
    section: 'section' in change ? change.section : '',
    properties: 'properties' in change ? change.properties.join(', ') : '',
  });
}
