import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { RecordContext } from './record-context';
import type { FieldIssue } from './record-error';
import type { RecordValues } from './record-validator';

interface FileRef {
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Attachment and image values must name files uploaded to this app (an image field: an image).
 * Their name, size and type are taken from the upload, never from what the client claims.
 * Returns, for each of `rows`, the values with each file described by its upload and the problems
 * found (reported with the write's other reference problems, see record-references.ts). One query
 * for the whole batch.
 */
export async function resolveFiles(
  ctx: RecordContext,
  object: ObjectDefinition,
  rows: readonly RecordValues[],
): Promise<{ values: RecordValues; issues: FieldIssue[] }[]> {
  const fields = object.fields.filter((f) => f.type === 'attachment' || f.type === 'image');
  const refsOf = (values: RecordValues, field: FieldDefinition) => (Array.isArray(values[field.id]) ? (values[field.id] as FileRef[]) : []);
  const ids = new Set(rows.flatMap((values) => fields.flatMap((f) => refsOf(values, f).map((ref) => ref.id))));
  if (ids.size === 0) return rows.map((values) => ({ values, issues: [] }));
  // Ids that are not uuids cannot name an upload; they are reported as missing, never sent to SQL.
  const candidates = [...ids].filter((id) => UUID.test(id));
  const found = candidates.length
    ? await ctx.db.selectFrom('files').select(['id', 'name', 'size', 'mime']).where('app_id', '=', ctx.app.appId).where('id', 'in', candidates).execute()
    : [];
  const known = new Map(found.map((r) => [r.id, { id: r.id, name: r.name, size: Number(r.size), mime: r.mime }] as const));
  return rows.map((values) => {
    const issues: FieldIssue[] = [];
    const resolved: RecordValues = { ...values };
    for (const field of fields) {
      if (!Array.isArray(values[field.id])) continue;
      const refs = refsOf(values, field);
      refs.forEach((ref, i) => {
        const file = known.get(ref.id);
        const pointer = `/values/${field.id}/${i}`;
        if (!file) issues.push({ field: field.id, pointer, code: 'field.file_missing', params: { field: field.id }, label: field.label });
        else if (field.type === 'image' && !file.mime.startsWith('image/'))
          issues.push({ field: field.id, pointer, code: 'field.not_image', params: { field: field.id }, label: field.label });
      });
      resolved[field.id] = refs.map((ref) => known.get(ref.id) ?? ref);
    }
    return { values: resolved, issues };
  });
}
