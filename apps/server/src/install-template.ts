import type { Database } from '@tessera/db';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, type RecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import { loadTemplate, type SampleBatch } from '@tessera/templates';
import { systemAccess } from './authentication';

export interface InstallResult {
  appId: string;
  version: number;
  records: number;
}

/** Child rows (quote lines) arrive as their own batch; the records API takes them inside their parent. */
function nestChildRows(document: AppDocument, batches: SampleBatch[]): SampleBatch[] {
  const childObjects = new Set(document.objects.filter((o) => o.parent).map((o) => o.id));
  const rowsByParent = new Map<string, Map<string, Record<string, unknown>[]>>();
  for (const batch of batches.filter((b) => childObjects.has(b.object))) {
    const byParent = new Map<string, Record<string, unknown>[]>();
    const sorted = [...batch.records].sort((a, b) => Number(a.values.sort_index ?? 0) - Number(b.values.sort_index ?? 0));
    for (const { id, values } of sorted) {
      const { parent_id: parentId, sort_index: _order, ...rest } = values;
      const list = byParent.get(String(parentId)) ?? [];
      list.push({ id, ...rest });
      byParent.set(String(parentId), list);
    }
    rowsByParent.set(batch.object, byParent);
  }
  const objects = new Map(document.objects.map((o) => [o.id, o] as const));
  return batches
    .filter((b) => !childObjects.has(b.object))
    .map((batch) => {
      const object = objects.get(batch.object);
      const childFields = object?.fields.filter((f) => f.type === 'child_table') ?? [];
      const assigned = new Set(object?.fields.filter((f) => f.type === 'auto_number' || f.type === 'formula').map((f) => f.id));
      return {
        object: batch.object,
        records: batch.records.map(({ id, values }) => {
          const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !assigned.has(key)));
          for (const field of childFields) kept[field.id] = rowsByParent.get(field.target ?? '')?.get(id) ?? [];
          return { id, values: kept };
        }),
      };
    });
}

/**
 * Installs a template as a new app: its document as the draft, published, then its sample
 * records through the records API's set-based path (validation, formulas, history and events
 * all applied), batch by batch in dependency order, in one transaction, as the built-in
 * administrator. A row the template gets wrong fails the install, naming the row and field.
 */
export async function installTemplate(
  database: Database,
  templateId: string,
  options: { seed?: number; scale?: number; records?: RecordService } = {},
): Promise<InstallResult> {
  const template = loadTemplate(templateId);
  if (!template) throw new Error(`unknown template "${templateId}"`);
  const store = createMetadataStore(database.db);
  await store.createApp(template.document);
  const { version } = await store.publish(template.document.id, { actor: null, comment: `template ${templateId}` });
  const records = options.records ?? createRecordService(database.db, createLiveAppCache(database.db));
  const batches = nestChildRows(template.document, template.sampleData({ seed: options.seed ?? 2026, scale: options.scale ?? 1 }));
  const count = await records.transaction(async (inside) => {
    let created = 0;
    for (const batch of batches) {
      const result = await inside.createMany(template.document.id, batch.object, systemAccess, batch.records, { source: 'template' });
      created += result.created.length;
    }
    return created;
  });
  return { appId: template.document.id, version, records: count };
}
