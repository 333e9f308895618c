import type { FieldDefinition } from '@tessera/schemas';
import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useStudio } from '../hooks/studio-context';
import { useIssues } from '../hooks/use-issues';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { updateField } from '../model/document-edits';
import { type DefaultChoice, type DefaultKind, defaultKinds, readDefault, takesDefault, writeDefault } from '../model/field-default-choice';

/**
 * The field's own default (ADR 0028), the value every create starts with whatever path it takes:
 * none, a fixed value in the field's own input, today / now / the current user / their department,
 * or a formula. The draft's checks (`field.default_*`) show under it as it is edited.
 */
export function FieldDefaultSettings({ objectId, field }: { objectId: string; field: FieldDefinition }) {
  const t = useStudioT();
  const edit = useStudio((s) => s.edit);
  const objects = useStudio((s) => s.document?.objects) ?? [];
  const o = objects.findIndex((object) => object.id === objectId);
  const f = o >= 0 ? objects[o]!.fields.findIndex((candidate) => candidate.id === field.id) : -1;
  const pointer = `/objects/${o}/fields/${f}/default`;
  const problems = useIssues().filter((issue) => issue.pointer === pointer);
  // A kind picked but not yet filled in (an empty formula or text) keeps no default; the panel still shows its input.
  const [pending, setPending] = useState<{ field: string; kind: DefaultKind } | null>(null);
  if (!takesDefault(field)) {
    return (
      <Typography.Paragraph type="secondary" data-testid="field-default-none">
        {t('studio.default.notForType')}
      </Typography.Paragraph>
    );
  }
  const stored = readDefault(field);
  const waiting = stored.kind === 'none' && pending?.field === field.id ? pending.kind : null;
  const choice: DefaultChoice =
    waiting === 'formula' ? { kind: 'formula', source: '' } : waiting === 'fixed' ? { kind: 'fixed', value: emptyFixed(field) } : stored;
  const set = (next: DefaultChoice, merge?: string) =>
    edit((d) => updateField(d, objectId, field.id, { default: writeDefault(field, next) }), merge ? { merge: `${objectId}.${field.id}.default.${merge}` } : {});
  const pick = (kind: DefaultKind) => {
    setPending({ field: field.id, kind });
    set(kind === 'fixed' ? { kind, value: emptyFixed(field) } : kind === 'formula' ? { kind, source: field.default ?? '' } : { kind });
  };
  return (
    <Form.Item
      label={t('studio.default.label')}
      validateStatus={problems.length ? 'error' : undefined}
      help={problems.length ? problems.map((p) => p.message).join('; ') : undefined}
      extra={t('studio.default.extra')}
    >
      <Select<DefaultKind>
        value={choice.kind}
        onChange={pick}
        options={defaultKinds(field).map((kind) => ({ value: kind, label: t(`studio.default.kind.${kind}`) }))}
        aria-label={t('studio.default.label')}
        data-testid="field-default-kind"
        style={{ marginBottom: 4 }}
      />
      {choice.kind === 'fixed' && <FixedValueInput field={field} value={choice.value} onChange={(value) => set({ kind: 'fixed', value }, 'fixed')} />}
      {choice.kind === 'formula' && (
        <Input
          value={choice.source}
          onChange={(e) => set({ kind: 'formula', source: e.target.value }, 'formula')}
          placeholder="TODAY() + 7"
          aria-label={t('studio.default.kind.formula')}
          data-testid="field-default-formula"
        />
      )}
    </Form.Item>
  );
}

function emptyFixed(field: FieldDefinition): string | number | boolean {
  if (field.type === 'checkbox') return true;
  if (field.type === 'select') return field.options?.[0]?.value ?? '';
  return field.type === 'number' || field.type === 'currency' || field.type === 'percent' ? 0 : '';
}

/** The field's own kind of input for a fixed default: its options, yes/no, a number, a date or text. */
function FixedValueInput({
  field,
  value,
  onChange,
}: {
  field: FieldDefinition;
  value: string | number | boolean;
  onChange: (value: string | number | boolean) => void;
}) {
  const t = useStudioT();
  const label = useLabel();
  const common = { 'aria-label': t('studio.default.kind.fixed'), 'data-testid': 'field-default-value' };
  if (field.type === 'select')
    return (
      <Select
        value={String(value)}
        onChange={onChange}
        options={(field.options ?? []).map((o) => ({ value: o.value, label: label(o.label, o.value) }))}
        {...common}
      />
    );
  if (field.type === 'checkbox')
    return (
      <Select
        value={value === true}
        onChange={onChange}
        options={[
          { value: true, label: t('studio.default.yes') },
          { value: false, label: t('studio.default.no') },
        ]}
        {...common}
      />
    );
  if (typeof value === 'number' || field.type === 'number' || field.type === 'currency' || field.type === 'percent')
    return <InputNumber value={Number(value)} onChange={(next) => onChange(next ?? 0)} style={{ width: '100%' }} {...common} />;
  return <Input type={field.type === 'date' ? 'date' : 'text'} value={String(value)} onChange={(e) => onChange(e.target.value)} {...common} />;
}
