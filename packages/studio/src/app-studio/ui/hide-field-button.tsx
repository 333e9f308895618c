import type { FieldDefinition } from '@tessera/schemas';
import { Button, Popconfirm, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { hideField } from '../model/document-edits';
import { fieldUsages } from '../model/field-usages';
import { issueTarget } from '../model/issue-target';

/** Hides a field after a confirmation, or refuses while something uses it, listing each use as a link to it. */
export function HideFieldButton({ objectId, field, keepSelection = false }: { objectId: string; field: FieldDefinition; keepSelection?: boolean }) {
  const t = useStudioT();
  const store = useStudioStore();
  const document = useStudio((s) => s.document);
  const edit = useStudio((s) => s.edit);
  const label = useLabel();
  const [asked, setAsked] = useState(false);
  // Two validations of the whole draft: only once the admin asks to hide the field.
  const usages = useMemo(() => (asked && document ? fieldUsages(document, objectId, field.id) : []), [asked, document, objectId, field.id]);
  const open = (pointer: string) => {
    const target = document && issueTarget(document, pointer);
    if (!target) return;
    store.getState().select(target.selection);
    store.getState().setTab(target.tab);
  };
  const description =
    usages.length === 0 ? (
      t('studio.fields.hideConfirm')
    ) : (
      <div data-testid="field-usages">
        <div>{t('studio.fields.inUse', { count: usages.length })}</div>
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {usages.map((usage) => (
            <li key={usage.pointer}>
              <Typography.Link onClick={() => open(usage.pointer)}>
                {t(`studio.usage.${usage.kind}`)}
                {usage.name !== null && ` “${typeof usage.name === 'string' ? usage.name : label(usage.name, usage.pointer)}”`}
              </Typography.Link>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <Popconfirm
      title={t('studio.fields.hide')}
      description={description}
      onOpenChange={setAsked}
      okButtonProps={{ disabled: usages.length > 0 }}
      onConfirm={() => edit((d) => hideField(d, objectId, field.id), keepSelection ? {} : { select: { fieldId: null, nodeId: null } })}
    >
      <Button danger size="small" data-testid="field-hide">
        {t('studio.fields.hide')}
      </Button>
    </Popconfirm>
  );
}
