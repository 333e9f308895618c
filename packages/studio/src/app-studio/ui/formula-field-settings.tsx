import { type FieldDefinition, FORMULA_RESULT_TYPES } from '@tessera/schemas';
import { Form, Select } from 'antd';
import { useMemo } from 'react';
import { useStudio } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';
import { updateField } from '../model/document-edits';
import { ObjectFormula } from './object-formula';
import { RollupPicker } from './rollup-picker';

type ResultType = (typeof FORMULA_RESULT_TYPES)[number];

/**
 * A formula field: its result type and its source in the studio's one Monaco formula editor,
 * checked live against the object's other fields (unknown names, type errors, the result's type
 * against the one chosen), with a roll-up picker that writes an aggregate of a child table or
 * related list as the formula.
 */
export function FormulaFieldSettings({ objectId, field }: { objectId: string; field: FieldDefinition }) {
  const t = useStudioT();
  const edit = useStudio((s) => s.edit);
  const object = useStudio((s) => s.document?.objects.find((o) => o.id === objectId)) ?? null;
  // A formula cannot read itself: leaving it out makes `[itself]` an unknown field, flagged as typed.
  const others = useMemo(() => (object ? { ...object, fields: object.fields.filter((f) => f.id !== field.id) } : null), [object, field.id]);
  const setFormula = (formula: string) => edit((d) => updateField(d, objectId, field.id, { formula }), { merge: `${objectId}.${field.id}.formula` });
  const resultType = field.resultType ?? 'number';
  return (
    <>
      <Form.Item label={t('studio.formula.resultType')} style={{ marginBottom: 8 }}>
        <Select<ResultType>
          value={resultType}
          onChange={(next) => edit((d) => updateField(d, objectId, field.id, { resultType: next }))}
          options={FORMULA_RESULT_TYPES.map((type) => ({ value: type, label: t(`studio.formula.result.${type}`) }))}
          aria-label={t('studio.formula.resultType')}
          data-testid="formula-result-type"
        />
      </Form.Item>
      <Form.Item label={t('studio.formula.source')} style={{ marginBottom: 8 }}>
        <div data-testid="formula-field-editor">
          <ObjectFormula value={field.formula ?? ''} onChange={setFormula} object={others} expectedType={resultType} />
        </div>
      </Form.Item>
      {object && <RollupPicker object={object} onPick={setFormula} />}
    </>
  );
}
