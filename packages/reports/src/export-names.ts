import { type AppDocument, type LocalizedText, SYSTEM_COLUMN_LABELS } from '@tessera/schemas';
import type { PivotTable } from './pivot-table';
import type { ReportResult } from './report-result';

const SYSTEM_COLUMNS: Record<string, LocalizedText> = SYSTEM_COLUMN_LABELS;

type Dimension = ReportResult['dimensions'][number];

/**
 * A file leaves the app, so its column titles must stand alone: a dimension without a label of
 * its own is named as its field is (a system column as the list names it), as the dashboard
 * names it on screen. A joined path (`customer.industry`) keeps its field's name at the end.
 */
export function withDimensionNames<T extends { result: ReportResult; pivot?: PivotTable | undefined }>(data: T, document: AppDocument): T {
  const object = document.objects.find((o) => o.id === data.result.object);
  const objects = new Map(document.objects.map((o) => [o.id, o] as const));
  const nameOf = (field: string): LocalizedText | null => {
    const system = SYSTEM_COLUMNS[field];
    if (system) return system;
    const own = object?.fields.find((f) => f.id === field);
    if (own) return own.label;
    // A path through relations: the last step's field, on the object the relation before it points at.
    let current = object;
    const steps = field.split('.');
    for (const step of steps.slice(0, -1)) {
      const relation = current?.fields.find((f) => f.id === step);
      current = relation?.type === 'relation' && relation.target ? objects.get(relation.target) : undefined;
    }
    const last = steps.at(-1) ?? field;
    return SYSTEM_COLUMNS[last] ?? current?.fields.find((f) => f.id === last)?.label ?? null;
  };
  const named = (d: Dimension): Dimension => (d.label ? d : { ...d, label: nameOf(d.field) });
  const dimensions = data.result.dimensions.map(named);
  const byId = (d: Dimension | null) => (d ? (dimensions.find((x) => x.id === d.id) ?? named(d)) : null);
  return {
    ...data,
    result: { ...data.result, dimensions },
    ...(data.pivot ? { pivot: { ...data.pivot, rowDimension: byId(data.pivot.rowDimension), columnDimension: byId(data.pivot.columnDimension) } } : {}),
  };
}
