import { DeleteOutlined } from '@ant-design/icons';
import type { FormEffect, ObjectDefinition } from '@tessera/schemas';
import { Button, Flex, Select, Switch } from 'antd';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { EFFECT_KINDS, effectFields, withEffectField, withEffectKind } from '../model/rule-edits';
import { ObjectFormula } from './object-formula';

/**
 * One effect of a rule: the field, what happens to it, and then the switch (shown, required,
 * locked), the formula of its value (checked live against the object's fields; its type against
 * the field's by the problems list) or the options still offered.
 */
export function RuleEffectRow({
  object,
  effect,
  testId,
  onChange,
  onRemove,
}: {
  object: ObjectDefinition;
  effect: FormEffect;
  testId: string;
  onChange: (effect: FormEffect) => void;
  onRemove: (() => void) | null;
}) {
  const t = useStudioT();
  const label = useLabel();
  const field = object.fields.find((f) => f.id === effect.field);
  const fieldOptions = effectFields(object, effect.kind).map((f) => ({ value: f.id, label: label(f.label, f.id) }));
  const kinds = EFFECT_KINDS.filter((kind) => effectFields(object, kind).length > 0).map((kind) => ({ value: kind, label: t(`studio.rules.kind.${kind}`) }));
  return (
    <div style={{ marginBottom: 4 }} data-testid={testId}>
      <Flex gap={8} align="center">
        <Select
          size="small"
          style={{ width: 160 }}
          value={effect.field}
          options={fieldOptions}
          onChange={(fieldId: string) => onChange(withEffectField(object, effect, fieldId))}
          aria-label={t('studio.rules.field')}
        />
        <Select
          size="small"
          style={{ width: 130 }}
          value={effect.kind}
          options={kinds}
          onChange={(kind: FormEffect['kind']) => {
            const next = withEffectKind(object, effect, kind);
            if (next) onChange(next);
          }}
          aria-label={t('studio.rules.effect')}
          data-testid={`${testId}-kind`}
        />
        {'value' in effect && (
          <Switch size="small" checked={effect.value} onChange={(value) => onChange({ ...effect, value })} aria-label={t('studio.rules.value')} />
        )}
        <Button size="small" type="text" icon={<DeleteOutlined />} disabled={!onRemove} aria-label={t('studio.delete')} onClick={() => onRemove?.()} />
      </Flex>
      {effect.kind === 'setValue' && (
        <div style={{ marginTop: 4 }} data-testid={`${testId}-formula`}>
          <ObjectFormula value={effect.formula} object={object} onChange={(formula) => onChange({ ...effect, formula })} />
        </div>
      )}
      {effect.kind === 'options' && (
        <Select
          mode="multiple"
          size="small"
          style={{ width: '100%', marginTop: 4 }}
          value={effect.values}
          options={(field?.options ?? []).map((o) => ({ value: o.value, label: label(o.label, o.value) }))}
          onChange={(values: string[]) => onChange({ ...effect, values })}
          placeholder={t('studio.rules.noOptions')}
          aria-label={t('studio.rules.options')}
          data-testid={`${testId}-options`}
        />
      )}
    </div>
  );
}
