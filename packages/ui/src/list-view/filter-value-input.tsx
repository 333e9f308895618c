import type { ObjectDefinition } from '@tessera/schemas';
import { DatePicker, Flex, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { RelationSelect } from '../records/relation-select';
import { useSessionStore } from '../stores/session-store';
import { DepartmentSelect } from '../widgets/department-select';
import { UserSelect } from '../widgets/user-select';
import type { DraftValue } from './filter-condition';
import type { FilterableField } from './filter-fields';
import type { ValueShape } from './filter-operators';
import { RegionFilterInput } from './region-filter-input';

interface FilterValueInputProps {
  appId: string;
  objects: readonly ObjectDefinition[];
  target: FilterableField;
  shape: ValueShape;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
}

type Single = string | null;

const asSingle = (value: DraftValue): Single => (typeof value === 'string' ? value : null);
const asList = (value: DraftValue): string[] =>
  Array.isArray(value) ? (value as readonly (string | null)[]).filter((v): v is string => typeof v === 'string') : [];
const asRange = (value: DraftValue): [Single, Single] => (Array.isArray(value) && value.length === 2 ? [value[0] ?? null, value[1] ?? null] : [null, null]);

/** One value input of the kind's own type: a day picker, a number, options, a person, a record. */
function SingleInput({
  appId,
  objects,
  target,
  value,
  onChange,
  placeholder,
}: {
  appId: string;
  objects: readonly ObjectDefinition[];
  target: FilterableField;
  value: Single;
  onChange: (v: Single) => void;
  placeholder: string;
}) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const options = (target.field?.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, locale, o.value) }));
  const common = { 'aria-label': placeholder, style: { width: '100%' } };
  switch (target.kind) {
    case 'number':
      return <InputNumber<string> {...common} stringMode placeholder={placeholder} value={value} onChange={(v) => onChange(v ?? null)} />;
    case 'date':
    case 'datetime':
      return (
        <DatePicker
          {...common}
          placeholder={placeholder}
          value={value ? dayjs(value) : null}
          onChange={(day) => onChange(day ? day.format('YYYY-MM-DD') : null)}
          // A phone's keyboard would cover the calendar: the picker is enough.
          inputReadOnly
        />
      );
    case 'select':
    case 'multi_select':
      return (
        <Select
          {...common}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={placeholder}
          options={options}
          value={value}
          onChange={(v: string | undefined) => onChange(v ?? null)}
        />
      );
    case 'user':
      return <UserSelect value={value} onChange={onChange} placeholder={t('widget.userSearch')} />;
    case 'department':
      return <DepartmentSelect value={value} onChange={onChange} placeholder={placeholder} />;
    case 'region':
      return target.field ? <RegionFilterInput field={target.field} value={value} onChange={onChange} placeholder={t('listView.filter.pickRegion')} /> : null;
    case 'relation':
      return (
        <RelationSelect appId={appId} target={objects.find((o) => o.id === target.field?.target) ?? null} named={null} value={value} onChange={onChange} />
      );
    default:
      return <Input {...common} allowClear placeholder={placeholder} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** The value part of a condition, shaped by its operator: nothing, one value, a list, or a from–to pair. */
export function FilterValueInput({ appId, objects, target, shape, value, onChange }: FilterValueInputProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  if (shape === 'none') return null;
  if (shape === 'many') {
    const options = (target.field?.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, locale, o.value) }));
    return (
      <div data-testid="filter-value">
        <Select
          mode="multiple"
          aria-label={t('listView.filter.value')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('listView.filter.pickValues')}
          options={options}
          value={asList(value)}
          onChange={(next: string[]) => onChange(next)}
          style={{ width: '100%' }}
        />
      </div>
    );
  }
  if (shape === 'range') {
    const [from, to] = asRange(value);
    // Two inputs rather than antd's range picker: its two calendars side by side do not fit a phone.
    return (
      <Flex gap={8} data-testid="filter-value">
        <SingleInput appId={appId} objects={objects} target={target} value={from} onChange={(v) => onChange([v, to])} placeholder={t('listView.filter.from')} />
        <SingleInput appId={appId} objects={objects} target={target} value={to} onChange={(v) => onChange([from, v])} placeholder={t('listView.filter.to')} />
      </Flex>
    );
  }
  return (
    <div data-testid="filter-value">
      <SingleInput appId={appId} objects={objects} target={target} value={asSingle(value)} onChange={onChange} placeholder={t('listView.filter.enterValue')} />
    </div>
  );
}
