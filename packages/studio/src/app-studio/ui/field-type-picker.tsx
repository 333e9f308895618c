import type { FieldDefinition, FieldType } from '@tessera/schemas';
import { Alert, Form, Select, Typography } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useTypePreview } from '../hooks/use-type-preview';
import { useStudioT } from '../i18n/use-studio-t';
import { replaceField } from '../model/document-edits';
import { withType } from '../model/field-type-change';
import { FIELD_LIST_TYPES, type ListFieldType } from '../model/new-field';
import { TypeChangeSummary } from './type-change-summary';

const CHANGEABLE = new Set<FieldType>(FIELD_LIST_TYPES);

/**
 * The field's type, changed in place, and what that would do to the rows already stored — asked
 * of the server as the admin picks, before saving or publishing. Child tables and related lists
 * hold their rows elsewhere, so their type stays.
 */
export function FieldTypePicker({ objectId, field }: { objectId: string; field: FieldDefinition }) {
  const t = useStudioT();
  const edit = useStudio((s) => s.edit);
  const preview = useTypePreview(objectId, field);
  const change = (type: ListFieldType) => edit((d) => replaceField(d, objectId, withType(d, objectId, field, type)));
  return (
    <>
      <Form.Item label={t('studio.typeChange.label')} style={{ marginBottom: 8 }}>
        <Select<ListFieldType>
          value={field.type as ListFieldType}
          disabled={!CHANGEABLE.has(field.type)}
          onChange={change}
          options={(CHANGEABLE.has(field.type) ? FIELD_LIST_TYPES : [field.type]).map((type) => ({
            value: type as ListFieldType,
            label: t(`studio.type.${type}`),
          }))}
          aria-label={t('studio.typeChange.label')}
          showSearch
          optionFilterProp="label"
          data-testid="field-type"
        />
      </Form.Item>
      {preview === 'loading' && <Typography.Text type="secondary">{t('studio.typeChange.checking')}</Typography.Text>}
      {preview !== 'loading' && preview?.kind === 'convert' && <TypeChangeSummary change={preview} />}
      {preview !== 'loading' && preview?.kind === 'unsupported' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="type-change-unsupported"
          title={t('studio.typeChange.unsupported', { from: t(`studio.type.${preview.from as FieldType}`), to: t(`studio.type.${preview.to as FieldType}`) })}
        />
      )}
    </>
  );
}
