import type { FieldDefinition } from '@tessera/schemas';
import { Button, Popconfirm } from 'antd';
import { useMemo, useState } from 'react';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { hideField } from '../model/document-edits';
import { fieldUsages } from '../model/field-usages';
import { UsageLinks } from './usage-links';

/** Hides a field after a confirmation, or refuses while something uses it, listing each use as a link to it. */
export function HideFieldButton({ objectId, field, keepSelection = false }: { objectId: string; field: FieldDefinition; keepSelection?: boolean }) {
  const t = useStudioT();
  const document = useStudio((s) => s.document);
  const edit = useStudio((s) => s.edit);
  const label = useLabel();
  const [asked, setAsked] = useState(false);
  // Two validations of the whole draft: only once the admin asks to hide the field.
  const usages = useMemo(() => (asked && document ? fieldUsages(document, objectId, field.id) : []), [asked, document, objectId, field.id]);
  const description =
    usages.length === 0 ? (
      t('studio.fields.hideConfirm')
    ) : (
      <UsageLinks
        testId="field-usages"
        intro={t('studio.fields.inUse', { count: usages.length })}
        usages={usages.map((usage) => ({
          pointer: usage.pointer,
          text: (
            <>
              {t(`studio.usage.${usage.kind}`)}
              {usage.name !== null && ` “${typeof usage.name === 'string' ? usage.name : label(usage.name, usage.pointer)}”`}
            </>
          ),
        }))}
      />
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
