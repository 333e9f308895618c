import { type ReportColumn, reportColumns, rollupFieldIds } from '@tessera/meta/validate';
import type { ObjectDefinition } from '@tessera/schemas';
import { useMemo } from 'react';
import { useStudio } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import type { DashboardMessage } from '../i18n/dashboard-messages';
import { useDashboardT } from '../i18n/use-dashboard-t';

export interface NamedColumn extends ReportColumn {
  name: string;
}

/** The columns of `object` a report may use — the same list the publish checks accept — each with its name in the admin's language. */
export function useReportColumns(object: ObjectDefinition | null): NamedColumn[] {
  const t = useDashboardT();
  const label = useLabel();
  const document = useStudio((s) => s.document);
  return useMemo(() => {
    if (!object || !document) return [];
    return reportColumns(object, rollupFieldIds(object, document)).map((column) => ({
      ...column,
      name: column.field ? label(column.field.label, column.id) : t(`dash.column.${column.id}` as DashboardMessage),
    }));
  }, [object, document, label, t]);
}
