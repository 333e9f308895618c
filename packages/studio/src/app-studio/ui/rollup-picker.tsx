import type { ObjectDefinition } from '@tessera/schemas';
import { Button, Flex, Form, Select } from 'antd';
import { useState } from 'react';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { isSummable, ROLLUP_AGGREGATES, type RollupAggregate, rollupFormula, rollupSources } from '../model/rollup-formula';

/** Picks a child table or related list, an aggregate and a number field of its rows, and writes that roll-up as the formula. */
export function RollupPicker({ object, onPick }: { object: ObjectDefinition; onPick: (formula: string) => void }) {
  const t = useStudioT();
  const label = useLabel();
  const document = useStudio((s) => s.document);
  const sources = document ? rollupSources(document, object) : [];
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [aggregate, setAggregate] = useState<RollupAggregate>('SUM');
  const [fieldId, setFieldId] = useState<string | null>(null);
  if (sources.length === 0) return null;
  const source = sources.find((s) => s.field.id === sourceId) ?? null;
  const summable = source?.rows.fields.filter(isSummable) ?? [];
  const ready = source !== null && (aggregate === 'COUNT' || summable.some((f) => f.id === fieldId));
  return (
    <Form.Item label={t('studio.rollup.title')} data-testid="rollup-picker">
      <Flex gap={6} wrap>
        <Select
          style={{ width: 140 }}
          placeholder={t('studio.rollup.source')}
          aria-label={t('studio.rollup.source')}
          value={sourceId}
          onChange={(id) => {
            setSourceId(id);
            setFieldId(null);
          }}
          options={sources.map((s) => ({ value: s.field.id, label: label(s.field.label, s.field.id) }))}
          data-testid="rollup-source"
        />
        <Select<RollupAggregate>
          style={{ width: 110 }}
          aria-label={t('studio.rollup.aggregate')}
          value={aggregate}
          onChange={setAggregate}
          options={ROLLUP_AGGREGATES.map((a) => ({ value: a, label: t(`studio.rollup.${a}`) }))}
          data-testid="rollup-aggregate"
        />
        {aggregate !== 'COUNT' && (
          <Select
            style={{ width: 140 }}
            placeholder={t('studio.rollup.field')}
            aria-label={t('studio.rollup.field')}
            value={fieldId}
            onChange={setFieldId}
            options={summable.map((f) => ({ value: f.id, label: label(f.label, f.id) }))}
            data-testid="rollup-field"
          />
        )}
        <Button size="small" disabled={!ready} onClick={() => source && onPick(rollupFormula(aggregate, source.field.id, fieldId))} data-testid="rollup-apply">
          {t('studio.rollup.apply')}
        </Button>
      </Flex>
    </Form.Item>
  );
}
