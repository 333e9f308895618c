import { fullAccess } from '@tessera/access';
import type { Database } from '@tessera/db';
import { createMetadataStore, type PublishHooks } from '@tessera/meta';
import { createLiveAppCache, createRecordService, type RecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import { loadTemplate, type SampleBatch, type SampleRecord } from '@tessera/templates';
import { systemAccess } from './authentication';
import { type PlannedApproval, planDemoApprovals } from './demo-approvals';
import { createTeam, type DemoPerson } from './demo-team';
import { createdValues, replaySamplePaths } from './sample-history';
import { sampleOwners } from './sample-owners';

export interface InstallResult {
  appId: string;
  version: number;
  records: number;
  /** The template's team, when installed with it: who may sign in, with which password. */
  people: DemoPerson[];
  /** Approvals to start once the engine runs (demo-approvals.ts). */
  approvals: PlannedApproval[];
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
        records: batch.records.map((record) => {
          const { id, values } = record;
          const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !assigned.has(key)));
          for (const field of childFields) kept[field.id] = rowsByParent.get(field.target ?? '')?.get(id) ?? [];
          return { ...record, values: kept };
        }),
      };
    });
}

/**
 * Installs a template as a new app: its document as the draft, published, then — in one
 * transaction — its team when asked (people, departments, roles) and its sample records through
 * the records API's set-based path (validation, formulas, history and events all applied), batch
 * by batch in dependency order, each record created by the person who owns it (the team's
 * sample owners, or the built-in administrator). A row the template gets wrong fails the
 * install, naming the row and field.
 */
export async function installTemplate(
  database: Database,
  templateId: string,
  options: { seed?: number; scale?: number; records?: RecordService; team?: boolean; hooks?: PublishHooks } = {},
): Promise<InstallResult> {
  const template = loadTemplate(templateId);
  if (!template) throw new Error(`unknown template "${templateId}"`);
  const { document } = template;
  const store = createMetadataStore(database.db, options.hooks);
  await store.createApp(document);
  const { version } = await store.publish(document.id, { actor: null, comment: `template ${templateId}` });
  const records = options.records ?? createRecordService(database.db, createLiveAppCache(database.db));
  const owners = options.team ? (template.team?.people.filter((p) => p.ownsSamples).length ?? 0) : 0;
  const batches = nestChildRows(document, template.sampleData({ seed: options.seed ?? 2026, scale: options.scale ?? 1, owners: Math.max(1, owners) }));
  return records.transaction(async (inside, tx) => {
    const people = options.team && template.team ? await createTeam(tx, document.id, template.team) : new Map<string, DemoPerson>();
    const owners = [...people.values()].filter((p) => p.ownsSamples);
    const ownerOf = sampleOwners(
      document,
      batches,
      owners.map((o) => o.key),
    );
    const accessOf = (key: string | undefined) => {
      const person = key ? people.get(key) : undefined;
      return person ? fullAccess({ userId: person.id, departmentId: person.departmentId }) : systemAccess;
    };
    let created = 0;
    for (const batch of batches) {
      const byOwner = new Map<string | undefined, SampleRecord[]>();
      for (const record of batch.records) {
        const owner = ownerOf.get(record.id);
        byOwner.set(owner, byOwner.get(owner) ?? []);
        byOwner.get(owner)!.push(record);
      }
      for (const [owner, rows] of byOwner) {
        const rowsAsCreated = rows.map((r) => ({ id: r.id, values: createdValues(r) }));
        const result = await inside.createMany(document.id, batch.object, accessOf(owner), rowsAsCreated, { source: 'template' });
        created += result.created.length;
        await replaySamplePaths(inside, tx, document.id, batch.object, accessOf(owner), rows);
      }
    }
    const approvals = options.team ? planDemoApprovals(template.demoApprovals ?? [], batches, ownerOf, people) : [];
    return { appId: document.id, version, records: created, people: [...people.values()], approvals };
  });
}
