import { canonicalRulesOf, fieldFormat, isPlainTextField } from '@tessera/forms';
import { FIELD_FORMATS, FIELD_LETTER_CASES, type FieldDefinition } from '@tessera/schemas';
import { Checkbox, Flex, Form, Select, Typography } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';
import { updateField } from '../model/document-edits';

type Normalize = NonNullable<FieldDefinition['normalize']>;

/**
 * A field's data rules: the format a text field must have and how plain text is cleaned on
 * save. They hold on every write (a form or none, the API, import, bulk edit, flow steps). The
 * boxes show what applies — the admin's choice or the format's default — so turning the format
 * on shows what it brings; a choice equal to the default is still kept, as the admin's.
 */
export function FieldRulesSettings({ objectId, field }: { objectId: string; field: FieldDefinition }) {
  const t = useStudioT();
  const edit = useStudio((s) => s.edit);
  if (!isPlainTextField(field)) return null;
  const set = (patch: Partial<FieldDefinition>) => edit((d) => updateField(d, objectId, field.id, patch));
  const normalize = (patch: Normalize) => set({ normalize: { ...field.normalize, ...patch } });
  const rules = canonicalRulesOf(field);
  const typeFormat = field.type === 'text' ? undefined : fieldFormat(field);

  return (
    <div data-testid="field-rules">
      <Typography.Text strong>{t('studio.fieldRules.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('studio.fieldRules.hint')}
      </Typography.Paragraph>
      {field.type === 'text' ? (
        <Form.Item label={t('studio.fieldRules.format')} style={{ marginBottom: 8 }}>
          <Select
            allowClear
            placeholder={t('studio.fieldRules.noFormat')}
            value={field.format}
            onChange={(format) => set({ format })}
            options={FIELD_FORMATS.map((format) => ({ value: format, label: t(`studio.format.${format}`) }))}
            data-testid="field-format"
          />
        </Form.Item>
      ) : (
        typeFormat && (
          <Typography.Paragraph style={{ fontSize: 12, marginBottom: 8 }}>
            {t('studio.fieldRules.typeFormat', { format: t(`studio.format.${typeFormat}`) })}
          </Typography.Paragraph>
        )
      )}
      <Flex gap={16} wrap align="center" style={{ marginBottom: 8 }}>
        <Checkbox checked={rules.trim} onChange={(e) => normalize({ trim: e.target.checked })} data-testid="field-trim">
          {t('studio.fieldRules.trim')}
        </Checkbox>
        <Checkbox checked={rules.halfWidth} onChange={(e) => normalize({ halfWidth: e.target.checked })} data-testid="field-half-width">
          {t('studio.fieldRules.halfWidth')}
        </Checkbox>
      </Flex>
      <Form.Item label={t('studio.fieldRules.letterCase')} style={{ marginBottom: 8 }}>
        <Select
          value={rules.letterCase}
          onChange={(letterCase) => normalize({ letterCase })}
          options={FIELD_LETTER_CASES.map((letterCase) => ({ value: letterCase, label: t(`studio.letterCase.${letterCase}`) }))}
          data-testid="field-letter-case"
        />
      </Form.Item>
    </div>
  );
}
