import type { ObjectDefinition } from '@tessera/schemas';
import type { RecordContext } from './record-context';
import type { FieldIssue } from './record-error';
import type { RecordValues } from './record-validator';

interface FileRef {
  id: string;
}

/**
 * Attachment and image values must name files uploaded to this app (an image field: an image).
 * Their name, size and type are taken from the upload, never from what the client claims.
 * Returns the values with each file described by its upload, and the problems found (reported
 * with the write's other reference problems, see record-references.ts).
 */
export async function resolveFiles(ctx: RecordContext, object: ObjectDefinition, values: RecordValues): Promise<{ values: RecordValues; issues: FieldIssue[] }> {
  const fields = object.fields.filter((f) => (f.type === 'attachment' || f.type === 'image') && Array.isArray(values[f.id]));
  const ids = fields.flatMap((f) => (values[f.id] as FileRef[]).map((ref) => ref.id));
  if (ids.length === 0) return { values, issues: [] };
  // Ids that are not uuids cannot name an upload; they are reported as missing, never sent to SQL.
  const candidates = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
  const rows = candidates.length
    ? await ctx.db.selectFrom('files').select(['id', 'name', 'size', 'mime']).where('app_id', '=', ctx.app.appId).where('id', 'in', candidates).execute()
    : [];
  const known = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, size: Number(r.size), mime: r.mime }] as const));
  const issues: FieldIssue[] = [];
  const resolved: RecordValues = { ...values };
  for (const field of fields) {
    const refs = values[field.id] as FileRef[];
    refs.forEach((ref, i) => {
      const file = known.get(ref.id);
      const pointer = `/values/${field.id}/${i}`;
      if (!file) issues.push({ field: field.id, pointer, code: 'field.file_missing', params: { field: field.id }, label: field.label });
      else if (field.type === 'image' && !file.mime.startsWith('image/')) issues.push({ field: field.id, pointer, code: 'field.not_image', params: { field: field.id }, label: field.label });
    });
    resolved[field.id] = refs.map((ref) => known.get(ref.id) ?? ref);
  }
  return { values: resolved, issues };
}
