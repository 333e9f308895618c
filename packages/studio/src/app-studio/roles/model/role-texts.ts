import type { DocumentChange, LocalizedIssue } from '@tessera/meta/validate';
import type { AppDocument, LocalizedText } from '@tessera/schemas';
import { type ChangeNames, ID_NAMES } from '../../model/change-names';
import type { RoleMessage } from '../i18n/role-messages';

type T = (key: RoleMessage, params?: Record<string, string | number>) => string;
type Label = (text: LocalizedText | undefined, fallback: string) => string;
type RoleChange = Extract<DocumentChange, { kind: `role_${string}` }>;

const PARTS = ['rowFormula', 'hiddenFields', 'readOnlyFields', 'actions', 'label'] as const;

/** Whether a problem's pointer lies in the role at `index` (`/roles/2/...`). */
export function inRole(pointer: string, index: number): boolean {
  return pointer === `/roles/${index}` || pointer.startsWith(`/roles/${index}/`);
}

/**
 * A problem of a role in words that name where it is — the role, the object, the part of the
 * permission (row condition, hidden fields…) — and then the rule the check broke.
 */
export function roleIssueText(document: AppDocument, issue: LocalizedIssue, t: T, label: Label): string {
  const [, , r, section, p, part] = issue.pointer.split('/');
  const role = document.roles?.[Number(r)];
  const permission = section === 'permissions' && p !== undefined ? role?.permissions?.[Number(p)] : undefined;
  const object = permission ? document.objects.find((o) => o.id === permission.object) : undefined;
  const objectText = permission ? t('roles.issueObject', { object: label(object?.label, permission.object) }) : '';
  const named = PARTS.find((known) => known === (permission ? part : section));
  const where = objectText + (named ? t(`roles.issuePart.${named}`) : '');
  return t('roles.issue', { role: label(role?.label, role?.id ?? String(r)), where, message: issue.message });
}

const list = (values: readonly string[], t: T) => (values.length ? values.join(', ') : t('roles.change.none'));

/** One change to a role in the admin's words, for the publish review and version compare. */
export function roleChangeText(change: RoleChange, t: T, names: ChangeNames = ID_NAMES): string {
  switch (change.kind) {
    case 'role_added':
    case 'role_removed':
      return t(`roles.change.${change.kind}`, { role: change.role });
    case 'role_changed':
      return t('roles.change.role_changed', { role: change.role, properties: change.properties.join(', ') });
    case 'role_actions_changed': {
      const words = (actions: readonly string[], sign: string) => actions.map((a) => `${sign}${t(`roles.action.${a}` as RoleMessage)}`);
      const changes = [...words(change.added, '+'), ...words(change.removed, '−')].join(' ');
      return t('roles.change.role_actions_changed', { role: change.role, object: change.object, changes });
    }
    case 'role_rows_changed': {
      const rows = (value: string) => {
        if (!value) return t('roles.noRead');
        const [scope = '', formula] = value.split(' & ');
        const scopeText = t(`roles.scope.${scope}` as RoleMessage);
        return formula === undefined ? scopeText : `${scopeText} & ${formula}`;
      };
      return t('roles.change.role_rows_changed', { role: change.role, object: change.object, from: rows(change.from), to: rows(change.to) });
    }
    case 'role_fields_changed': {
      const changes = [...change.added.map((f) => `+${f}`), ...change.removed.map((f) => `−${f}`)];
      return t('roles.change.role_fields_changed', {
        role: change.role,
        object: change.object,
        access: t(`roles.field.${change.access}`),
        changes: list(changes, t),
      });
    }
    case 'role_form_changed': {
      // Named by their labels: "Sales rep" on "Customer" opens Quick entry, not customer_form_1.
      const form = (id: string) => (id ? names.form(id) : t('roles.change.defaultForm'));
      const [role, object] = [names.role(change.role), names.object(change.object)];
      return t('roles.change.role_form_changed', { role, object, from: form(change.from), to: form(change.to) });
    }
  }
}

/** Whether a change is about roles (and so worded by `roleChangeText`). */
export function isRoleChange(change: DocumentChange): change is RoleChange {
  return change.kind.startsWith('role_');
}
