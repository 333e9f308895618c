import type { FieldDefinition } from '@tessera/schemas';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Translate } from '../i18n/messages';
import { FieldCell } from '../objects/field-cell';
import { rowAsRecord } from '../widgets/child-table/row-record';
import { FieldFrame } from './field-frame';
import { useFormRuntime } from './form-runtime-context';
import type { LiveFormulas } from './live-formulas';

interface ComputedFieldProps {
  field: FieldDefinition;
  label: string;
  description: string | undefined;
  t: Translate;
}

/** A formula the browser works out: its value follows the fields it reads as the user edits them. */
function LiveValue({ field, formulas, t }: { field: FieldDefinition; formulas: LiveFormulas; t: Translate }) {
  const { store, widgets } = useFormRuntime();
  const value = useStore(store, (s) => formulas.valuesOf(s.values)[field.id] ?? null);
  const record = useMemo(() => rowAsRecord({ [field.id]: value }), [field.id, value]);
  return <FieldCell field={field} record={record} locale={widgets.locale} t={t} />;
}

/**
 * A field the server fills in, shown read-only in the form: a formula computed live from the
 * form's values (live-formulas.ts), or as loaded when it is a rollup over other records; an auto
 * number as assigned, or a note that the save assigns it. Never sent with the save.
 */
export function ComputedField({ field, label, description, t }: ComputedFieldProps) {
  const { widgets, formulas } = useFormRuntime();
  const record = widgets.record;
  const stored = record?.[field.id];
  if (field.type === 'formula') {
    const live = formulas?.computes.has(field.id) ? formulas : null;
    if (!live && (stored === null || stored === undefined)) return null;
    return (
      <FieldFrame label={label} required={false} description={description} messages={[]} extra={t('record.computed')}>
        <div className="tessera-field-static" data-testid={`computed-${field.id}`}>
          {live ? <LiveValue field={field} formulas={live} t={t} /> : <FieldCell field={field} record={record!} locale={widgets.locale} t={t} />}
        </div>
      </FieldFrame>
    );
  }
  if (field.type === 'auto_number') {
    return (
      <FieldFrame label={label} required={false} description={description} messages={[]}>
        <div className="tessera-field-static" data-testid={`computed-${field.id}`}>
          {record && stored !== null && stored !== undefined ? (
            <FieldCell field={field} record={record} locale={widgets.locale} t={t} />
          ) : (
            <span className="tessera-field-pending">{t('record.numberedOnSave')}</span>
          )}
        </div>
      </FieldFrame>
    );
  }
  return null;
}
