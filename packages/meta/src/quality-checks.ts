import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import type { MetaIssue } from './issue';
import { reportColumn } from './report-fields';

const NO_ROLLUPS: ReadonlySet<string> = new Set();

/** Each activity source is a date column of the object, or of an object whose relation field `via` points at it. */
export function checkQuality(app: AppDocument): MetaIssue[] {
  const objects = new Map(app.objects.map((o) => [o.id, o] as const));
  const issues: MetaIssue[] = [];
  app.objects.forEach((object, o) => {
    (object.quality?.activity ?? []).forEach((source, a) => {
      const pointer = `/objects/${o}/quality/activity/${a}`;
      const holder: ObjectDefinition | undefined = source.object ? objects.get(source.object) : object;
      const via = source.via ? holder?.fields.find((f) => f.id === source.via) : undefined;
      const points = !source.object || (via?.type === 'relation' && via.target === object.id);
      const field = source.field ?? 'updated_at';
      const dated = holder ? reportColumn(holder, field, NO_ROLLUPS)?.kind === 'date' : false;
      if (!holder || !points || !dated)
        issues.push({ pointer, code: 'meta.quality_activity', params: { id: source.object ? `${source.object}.${field}` : field } });
    });
  });
  return issues;
}
