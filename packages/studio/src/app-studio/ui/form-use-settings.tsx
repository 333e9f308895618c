import { defaultFormOf } from '@tessera/forms/form-choice';
import type { AppDocument, FormDefinition } from '@tessera/schemas';
import { Checkbox, Flex, Select, Typography } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { withDesignedForm } from '../model/form-edits';
import { rolesOnObject, setDefaultForm, setRoleForm } from '../model/object-forms';

/**
 * Where a form is used: whether it is the object's default for creating and editing records, and
 * which roles open it instead. The default is chosen by ticking it on another form (some form is
 * always the default), so its box cannot be unticked.
 */
export function FormUseSettings({ objectId, form }: { objectId: string; form: FormDefinition }) {
  const t = useStudioT();
  const label = useLabel();
  const document = useStudio((s) => s.document);
  const edit = useStudio((s) => s.edit);
  if (!document) return null;
  const isDefault = (defaultFormOf(document, objectId)?.id ?? form.id) === form.id;
  const roleIds = rolesOnObject(document, objectId);
  const roles = (document.roles ?? []).filter((r) => roleIds.includes(r.id));
  const chosen = roles.filter((r) => r.permissions?.some((p) => p.object === objectId && p.form === form.id)).map((r) => r.id);
  // The canvas may show the form the object will get: choosing where it is used makes it real, in the same step.
  const real = (d: AppDocument) => withDesignedForm(d, objectId, form.id).document;
  const setRoles = (next: string[]) =>
    edit((d) =>
      roleIds.reduce(
        (acc, id) => (next.includes(id) ? setRoleForm(acc, id, objectId, form.id) : chosen.includes(id) ? setRoleForm(acc, id, objectId, null) : acc),
        real(d),
      ),
    );

  return (
    <Flex gap={16} align="center" wrap data-testid="form-use">
      <Checkbox checked={isDefault} disabled={isDefault} onChange={() => edit((d) => setDefaultForm(real(d), objectId, form.id))} data-testid="form-default">
        {t('studio.forms.isDefault')}
      </Checkbox>
      <Flex gap={8} align="center">
        <Typography.Text type="secondary">{t('studio.forms.roles')}</Typography.Text>
        <Select
          mode="multiple"
          size="small"
          style={{ minWidth: 200 }}
          value={chosen}
          placeholder={roles.length === 0 ? t('studio.forms.rolesEmpty') : t('studio.forms.rolesNone')}
          disabled={roles.length === 0}
          options={roles.map((r) => ({ value: r.id, label: label(r.label, r.id) }))}
          onChange={setRoles}
          aria-label={t('studio.forms.roles')}
          data-testid="form-roles"
        />
      </Flex>
    </Flex>
  );
}
