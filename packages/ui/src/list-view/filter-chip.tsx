import { FORM_MESSAGES } from '@tessera/forms';
import type { Locale } from '@tessera/i18n';
import type { ObjectDefinition } from '@tessera/schemas';
import { Tag } from 'antd';
import type { RecordFilter } from '../api/types';
import { formatDate, formatNumber, optionDisplay } from '../format/field-format';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { DepartmentCell } from '../widgets/department-cell';
import { UserCell } from '../widgets/user-cell';
import { filterFieldLabel } from './field-label';
import type { FilterableField } from './filter-fields';
import { operatorLabel, valueShape } from './filter-operators';
import { useRegionLabel } from './region-label';
import { useRelationLabel } from './relation-label';

interface ValueProps {
  appId: string;
  objects: readonly ObjectDefinition[];
  target: FilterableField;
  value: unknown;
}

function RelationName({ appId, objects, target, value }: ValueProps) {
  const related = objects.find((o) => o.id === target.field?.target) ?? null;
  const id = typeof value === 'string' ? value : null;
  const label = useRelationLabel(appId, related, id);
  return <>{label ?? '…'}</>;
}

/** A region by its names from the province down (“广东省 / 深圳市”); its code until they are read. */
function RegionName({ code }: { code: string }) {
  return <>{useRegionLabel(code) ?? code}</>;
}

/** One value as the reader knows it: an option's label, a person's name, a local day. */
function ValueText(props: ValueProps) {
  const locale = useSessionStore((s) => s.locale);
  const { target, value } = props;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  switch (target.kind) {
    case 'select':
    case 'multi_select':
      return <>{target.field ? optionDisplay(target.field, String(value), locale).label : String(value)}</>;
    case 'user':
      return <UserCell userId={String(value)} />;
    case 'department':
      return <DepartmentCell departmentId={String(value)} />;
    case 'relation':
      return <RelationName {...props} />;
    case 'region':
      return <RegionName code={String(value)} />;
    case 'number':
      return <>{formatNumber(value, locale)}</>;
    case 'date':
    case 'datetime':
      return <>{formatDate(value)}</>;
    default:
      return <>“{String(value)}”</>;
  }
}

/** A format by its name in the reader's language ("unified social credit code"), as the form's error names it. */
function formatName(value: unknown, locale: Locale): string {
  const names: Partial<Record<string, Record<Locale, string>>> = FORM_MESSAGES;
  return names[`form.format.${String(value)}`]?.[locale] ?? String(value);
}

interface FilterChipProps {
  appId: string;
  objects: readonly ObjectDefinition[];
  target: FilterableField;
  condition: RecordFilter;
  onEdit: () => void;
  onRemove: () => void;
}

/** An applied condition, read as a sentence ("Stage is any of Lead, Won", "Region within 广东省"); click to change it, × to remove it. */
export function FilterChip({ appId, objects, target, condition, onEdit, onRemove }: FilterChipProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const label = filterFieldLabel(target, locale, t);
  const shape = condition.op === 'breaks_format' ? 'format' : valueShape(target.kind, condition.op);
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const valueProps = { appId, objects, target };

  return (
    <Tag
      closable
      onClose={(e) => {
        e.preventDefault();
        onRemove();
      }}
      // biome-ignore lint/a11y/useAriaPropsSupportedByRole: antd's Tag clones this span into its close control with role="button" and tabIndex, which the label names
      closeIcon={<span aria-label={t('listView.filter.remove', { field: label })}>×</span>}
      color="blue"
      style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal', paddingBlock: 2 }}
      data-testid={`filter-chip-${condition.field}`}
    >
      <button type="button" onClick={onEdit} style={{ all: 'unset', cursor: 'pointer' }}>
        <strong>{label}</strong> {t(operatorLabel(target.kind, condition.op))}
        {shape === 'format' && ` ${formatName(condition.value, locale)}`}
        {shape === 'range' && (
          <>
            {' '}
            {values[0] !== undefined && <ValueText {...valueProps} value={values[0]} />} –{' '}
            {values[1] !== undefined && <ValueText {...valueProps} value={values[1]} />}
          </>
        )}
        {(shape === 'one' || shape === 'many') && (
          <>
            {' '}
            {values.map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the values of one condition, read-only text that can repeat
              <span key={i}>
                {i > 0 && ', '}
                <ValueText {...valueProps} value={v} />
              </span>
            ))}
          </>
        )}
      </button>
    </Tag>
  );
}
