import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import type { AppDocument, FormDefinition, ObjectDefinition } from '@tessera/schemas';
import { Button, Dropdown, Flex, Select } from 'antd';
import { useState } from 'react';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { withDesignedForm } from '../model/form-edits';
import { addForm, formsOf, renameForm } from '../model/object-forms';
import { DeleteFormButton } from './delete-form-button';
import { FormUseSettings } from './form-use-settings';
import { RenameFormDialog } from './rename-form-dialog';

/** The object's forms above the canvas: which one is designed, a new one (blank or a copy), rename, delete, and where it is used. */
export function FormSwitcher({ object, shown }: { object: ObjectDefinition; shown: FormDefinition }) {
  const t = useStudioT();
  const label = useLabel();
  const document = useStudio((s) => s.document);
  const edit = useStudio((s) => s.edit);
  const select = useStudio((s) => s.select);
  const [renaming, setRenaming] = useState(false);
  if (!document) return null;
  const forms = formsOf(document, object.id);
  const listed = forms.some((f) => f.id === shown.id) ? forms : [shown];
  // The canvas may show the form the object will get; an edit of it makes it real first.
  const real = (d: AppDocument) => withDesignedForm(d, object.id, shown.id).document;
  const add = (copy: boolean) => {
    const { document: next, formId } = addForm(real(document), object.id, copy ? shown.id : null);
    edit(() => next, { select: { formId, nodeId: null, fieldId: null } });
  };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 8 }} data-testid="form-switcher">
      <Flex gap={8} align="center" wrap>
        <Select
          size="small"
          style={{ minWidth: 200 }}
          value={shown.id}
          options={listed.map((f) => ({ value: f.id, label: label(f.label, f.id) }))}
          onChange={(formId) => select({ formId, nodeId: null })}
          aria-label={t('studio.forms.pick')}
          data-testid="form-pick"
        />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'blank', label: <span data-testid="form-add-blank">{t('studio.forms.addBlank')}</span> },
              { key: 'copy', label: <span data-testid="form-add-copy">{t('studio.forms.addCopy')}</span> },
            ],
            onClick: ({ key }) => add(key === 'copy'),
          }}
        >
          <Button size="small" icon={<PlusOutlined />} data-testid="form-add">
            {t('studio.forms.add')} <DownOutlined />
          </Button>
        </Dropdown>
        <Button size="small" onClick={() => setRenaming(true)} data-testid="form-rename">
          {t('studio.forms.rename')}
        </Button>
        <DeleteFormButton form={shown} saved={forms.some((f) => f.id === shown.id)} />
      </Flex>
      <FormUseSettings objectId={object.id} form={shown} />
      {renaming && <RenameFormDialog form={shown} onClose={() => setRenaming(false)} onRename={(next) => edit((d) => renameForm(real(d), shown.id, next))} />}
    </Flex>
  );
}
