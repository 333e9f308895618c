import type { FilterOperator, ObjectDefinition } from '@tessera/schemas';
import { Button, Flex, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { RecordFilter } from '../api/types';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { filterFieldLabel } from './field-label';
import { changeOperator, emptyDraft, type FilterDraft, toCondition, toDraft } from './filter-condition';
import type { FilterableField } from './filter-fields';
import { operatorLabel, operatorsForField, valueShape } from './filter-operators';
import { FilterValueInput } from './filter-value-input';

interface FilterEditorProps {
  appId: string;
  objects: readonly ObjectDefinition[];
  fields: readonly FilterableField[];
  /** The condition being changed; absent when adding one. */
  initial?: RecordFilter;
  onApply: (condition: RecordFilter) => void;
  onCancel: () => void;
}

/** Field, then an operator that fits it, then a value input that fits both; "Apply" once it is complete. */
export function FilterEditor({ appId, objects, fields, initial, onApply, onCancel }: FilterEditorProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const byId = useMemo(() => new Map(fields.map((f) => [f.id, f])), [fields]);
  const [draft, setDraft] = useState<FilterDraft | null>(() => {
    const target = initial ? byId.get(initial.field) : undefined;
    return initial && target ? toDraft(initial, target) : null;
  });
  const target = draft ? byId.get(draft.field) : undefined;
  const operators = target ? operatorsForField(target) : [];
  // A loaded view may use an operator the builder does not list for the kind (`gt` on a date is listed, `in` on text is not): keep it selectable.
  const shownOperators = draft && target && !operators.includes(draft.op) ? [...operators, draft.op] : operators;
  const condition = draft && target ? toCondition(draft, target) : null;

  const pickField = (id: string) => {
    const next = byId.get(id);
    if (next) setDraft(emptyDraft(next, operatorsForField(next)[0]!));
  };

  return (
    <Flex vertical gap={8} style={{ width: 'min(320px, calc(100vw - 48px))' }} data-testid="filter-editor">
      <Select
        aria-label={t('listView.filter.field')}
        data-testid="filter-field"
        placeholder={t('listView.filter.pickField')}
        showSearch={{ optionFilterProp: 'label' }}
        value={draft?.field}
        onChange={pickField}
        options={fields.map((f) => ({ value: f.id, label: filterFieldLabel(f, locale, t) }))}
        style={{ width: '100%' }}
      />
      {draft && target && (
        <>
          <Select<FilterOperator>
            aria-label={t('listView.filter.operator')}
            data-testid="filter-operator"
            value={draft.op}
            onChange={(op) => setDraft(changeOperator(draft, target, op))}
            options={shownOperators.map((op) => ({
              value: op,
              label: t(op === 'breaks_format' ? 'listView.op.breaks_own_format' : operatorLabel(target.kind, op)),
            }))}
            style={{ width: '100%' }}
          />
          <FilterValueInput
            key={`${draft.field}:${valueShape(target.kind, draft.op)}`}
            appId={appId}
            objects={objects}
            target={target}
            shape={valueShape(target.kind, draft.op)}
            value={draft.value}
            onChange={(value) => setDraft({ ...draft, value })}
          />
        </>
      )}
      {draft && !condition && <Typography.Text type="secondary">{t('listView.filter.incomplete')}</Typography.Text>}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" disabled={!condition} onClick={() => condition && onApply(condition)} data-testid="filter-apply">
          {t('listView.filter.apply')}
        </Button>
      </Flex>
    </Flex>
  );
}
