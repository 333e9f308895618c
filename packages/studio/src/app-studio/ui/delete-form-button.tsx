import type { FormDefinition } from '@tessera/schemas';
import { Button, type ButtonProps, Popconfirm } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { deleteForm, formUsages } from '../model/object-forms';
import { UsageLinks } from './usage-links';

/** Deletes a form after a confirmation, or refuses while the object or a role uses it, listing each use as a link to it. */
export function DeleteFormButton({ form, saved }: { form: FormDefinition; saved: boolean }) {
  const t = useStudioT();
  const label = useLabel();
  const document = useStudio((s) => s.document);
  const edit = useStudio((s) => s.edit);
  const usages = document ? formUsages(document, form.id) : [];
  const roleName = (id: string | undefined) => label(document?.roles?.find((r) => r.id === id)?.label, id ?? '');
  const description =
    usages.length === 0 ? (
      t('studio.forms.deleteConfirm')
    ) : (
      <UsageLinks
        testId="form-usages"
        itemTestId="form-usage"
        intro={t('studio.forms.inUse', { count: usages.length })}
        usages={usages.map((usage) => ({
          pointer: usage.pointer,
          text: usage.kind === 'role' ? t('studio.forms.usage.role', { role: roleName(usage.role) }) : t('studio.forms.usage.default'),
        }))}
      />
    );
  return (
    <Popconfirm
      title={t('studio.forms.delete')}
      description={description}
      okButtonProps={{ disabled: usages.length > 0, 'data-testid': 'form-delete-ok' } as ButtonProps}
      onConfirm={() => edit((d) => deleteForm(d, form.id), { select: { formId: null, nodeId: null } })}
    >
      {/* A form the canvas only shows (the object has none yet) has nothing to delete. */}
      <Button danger size="small" disabled={!saved} data-testid="form-delete">
        {t('studio.forms.delete')}
      </Button>
    </Popconfirm>
  );
}
