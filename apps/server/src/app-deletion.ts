import type { Database } from '@tessera/db';
import type { FileStore } from '@tessera/files';
import { cancelAppFlows } from '@tessera/flows';
import { appendAudit } from '@tessera/identity';
import { countAppRecords, createMetadataStore, type DeletionImpact, dropApp, MetaError } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';

type Label = AppDocument['label'];

function labelOf(items: readonly { id: string; label?: Label | undefined }[] | undefined, id: string): Label {
  return items?.find((i) => i.id === id)?.label ?? { en: id };
}

/** Objects and flows of the draft, plus those only the database still has (retired tables, instances of removed flows). */
export async function deletionImpact(database: Database, appId: string): Promise<DeletionImpact> {
  const db = database.db;
  const { draft } = await createMetadataStore(db).getApp(appId);
  const counts = new Map((await countAppRecords(db, appId)).map((c) => [c.object, c.records]));
  const objectIds = [...new Set([...(draft.objects ?? []).map((o) => o.id), ...counts.keys()])];
  const running = await db
    .selectFrom('flow_instances')
    .select(['flow_id', sql<string>`count(*)`.as('n')])
    .where('app_id', '=', appId)
    .where('status', '=', 'running')
    .groupBy('flow_id')
    .execute();
  const runningBy = new Map(running.map((r) => [r.flow_id, Number(r.n)]));
  const flowIds = [...new Set([...(draft.flows ?? []).map((f) => f.id), ...runningBy.keys()])];
  const files = await db
    .selectFrom('files')
    .select([sql<string>`count(*)`.as('n'), sql<string>`coalesce(sum(size), 0)`.as('bytes')])
    .where('app_id', '=', appId)
    .executeTakeFirstOrThrow();
  const versions = await db.selectFrom('meta_versions').select(sql<string>`count(*)`.as('n')).where('app_id', '=', appId).executeTakeFirstOrThrow();
  return {
    id: appId,
    label: draft.label ?? { en: appId },
    objects: objectIds.map((id) => ({ id, label: labelOf(draft.objects, id), records: counts.get(id) ?? 0 })),
    flows: flowIds.map((id) => ({ id, label: labelOf(draft.flows, id), running: runningBy.get(id) ?? 0 })),
    dashboards: (draft.dashboards ?? []).map((d) => ({ id: d.id, label: d.label ?? { en: d.id } })),
    files: { count: Number(files.n), bytes: Number(files.bytes) },
    versions: Number(versions.n),
  };
}

export interface DeleteAppInput {
  appId: string;
  /** Must repeat the app's id: a request cannot delete an app by a slip of the URL. */
  confirm: string;
  actorId: string;
  ip: string;
}

/**
 * Deletes an app in one transaction: its flows stop (instances and their jobs cancelled), its
 * tables and every row kept for it go, and the audit log records what went. Uploaded bytes are
 * removed from the file store after the commit; a failure there leaves an orphan blob, never a
 * file row pointing at nothing.
 */
export async function deleteApp(database: Database, store: FileStore, input: DeleteAppInput): Promise<{ fileIds: string[]; cancelled: number }> {
  if (input.confirm !== input.appId)
    throw new MetaError('meta.invalid', 422, [{ pointer: '/confirm', code: 'meta.delete_confirm', params: { id: input.appId } }], { count: 1 });
  const impact = await deletionImpact(database, input.appId);
  const outcome = await database.db.transaction().execute(async (tx) => {
    const flows = await cancelAppFlows(tx, input.appId, input.actorId);
    const { fileIds } = await dropApp(tx, input.appId);
    await appendAudit(tx, {
      actorId: input.actorId,
      action: 'meta.delete_app',
      subject: input.appId,
      appId: input.appId,
      ip: input.ip,
      detail: {
        label: impact.label,
        objects: impact.objects.map((o) => ({ id: o.id, records: o.records })),
        flows: impact.flows.map((f) => f.id),
        dashboards: impact.dashboards.map((d) => d.id),
        files: impact.files.count,
        versions: impact.versions,
        cancelledInstances: flows.instances,
        cancelledJobs: flows.jobs,
      },
    });
    return { fileIds, cancelled: flows.instances };
  });
  await Promise.allSettled(outcome.fileIds.map((id) => store.remove(id)));
  return outcome;
}
