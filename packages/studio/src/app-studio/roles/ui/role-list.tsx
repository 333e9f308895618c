import { translate } from '@tessera/i18n';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { SectionList } from '../../ui/section-list';
import { useRoleT } from '../i18n/use-role-t';
import { addRole, nextRoleId, removeRole } from '../model/role-edits';
import './roles.css';

/** The draft's roles in the side list: open one, add one, delete one after asking. */
export function RoleList() {
  const t = useRoleT();
  const store = useStudioStore();
  const roles = useStudio((s) => s.document?.roles) ?? [];
  const openId = useStudio((s) => s.selection.roleId ?? null);
  const { edit } = store.getState();
  const add = () => {
    const id = nextRoleId(store.getState().document ?? { id: '', label: {}, objects: [] });
    // Labelled in both languages, so an admin working in the other one never sees a blank name.
    const newLabel = { 'zh-CN': translate('zh-CN', 'roles.newLabel'), en: translate('en', 'roles.newLabel') };
    edit((d) => addRole(d, { id, label: newLabel }), { select: { roleId: id } });
  };
  return (
    <SectionList
      testPrefix="role"
      items={roles}
      openId={openId}
      texts={{
        none: t('roles.none'),
        add: t('roles.add'),
        deleteLabel: (name) => `${t('roles.delete')} ${name}`,
        deleteConfirm: (name) => t('roles.deleteConfirm', { name }),
      }}
      onOpen={(id) => store.getState().select({ roleId: id })}
      onDelete={(id) => edit((d) => removeRole(d, id), { select: { roleId: null } })}
      onAdd={add}
      describe={(role) => role.id}
    />
  );
}
