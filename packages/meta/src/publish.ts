import type { SystemTables } from '@tessera/db';
import type { AppDocument } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import { applyStep, type PublishHooks } from './apply-ddl';
import type { DdlStep } from './ddl-steps';
import { MetaError } from './issue';
import { loadPhysicalState, syncCatalog } from './physical-catalog';
import { planDdl } from './plan-ddl';
import { validateDocument } from './validate-document';

type Db = Kysely<SystemTables>;

export interface PublishOptions extends PublishHooks {
  /** The draft revision the admin reviewed; publishing a newer draft than that is refused. */
  revision?: number | undefined;
  comment?: string | undefined;
  actor: string | null;
  source: 'draft' | { version: number };
}

export interface PublishResult {
  version: number;
  plan: DdlStep[];
}

/**
 * Validate, plan, apply the DDL, update the catalog and store the new immutable version — all
 * in one PostgreSQL transaction (DDL is transactional there), so any failure leaves the live
 * version and the record tables exactly as they were. The app row is locked first, so two
 * publishes of one app run one after the other.
 */
export async function publishDocument(db: Db, appId: string, options: PublishOptions): Promise<PublishResult> {
  return db.transaction().execute(async (tx) => {
    const app = await tx.selectFrom('meta_apps').selectAll().where('id', '=', appId).forUpdate().executeTakeFirst();
    if (!app) throw new MetaError('meta.app_not_found', 404, [], { id: appId });
    if (options.revision !== undefined && options.revision !== app.draft_revision) {
      throw new MetaError('meta.draft_conflict', 409, [], { current: app.draft_revision, yours: options.revision });
    }
    let source: unknown = app.draft;
    let rolledBackFrom: number | null = null;
    if (options.source !== 'draft') {
      const old = await tx
        .selectFrom('meta_versions')
        .select('document')
        .where('app_id', '=', appId)
        .where('version', '=', options.source.version)
        .executeTakeFirst();
      if (!old) throw new MetaError('meta.version_not_found', 404, [], { version: options.source.version });
      source = old.document;
      rolledBackFrom = options.source.version;
    }
    const verdict = validateDocument(source);
    if (!verdict.ok) throw new MetaError('meta.invalid', 422, verdict.issues, { count: verdict.issues.length });
    const document: AppDocument = verdict.document;

    if (app.live_version !== null && options.source === 'draft') {
      const live = await tx
        .selectFrom('meta_versions')
        .select('document')
        .where('app_id', '=', appId)
        .where('version', '=', app.live_version)
        .executeTakeFirstOrThrow();
      if (JSON.stringify(live.document) === JSON.stringify(document)) throw new MetaError('meta.nothing_to_publish', 422);
    }

    if (!options.encrypt && document.objects.some((o) => o.fields.some((f) => f.encrypted))) throw new MetaError('meta.encryption_key_missing', 422);
    const plan = planDdl(document, await loadPhysicalState(tx, appId));
    for (const step of plan) await applyStep(tx, appId, step, options);
    await syncCatalog(tx, appId, document);

    const last = await tx
      .selectFrom('meta_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('app_id', '=', appId)
      .executeTakeFirst();
    const version = (last?.v ?? 0) + 1;
    await tx
      .insertInto('meta_versions')
      .values({
        app_id: appId,
        version,
        document: JSON.stringify(document),
        plan: JSON.stringify(plan),
        comment: options.comment ?? null,
        published_by: options.actor,
        rolled_back_from: rolledBackFrom,
      })
      .execute();
    const appUpdate =
      rolledBackFrom === null
        ? tx.updateTable('meta_apps').set({ live_version: version, updated_at: new Date() })
        : tx
            .updateTable('meta_apps')
            .set((eb) => ({ live_version: version, draft: JSON.stringify(document), draft_revision: eb('draft_revision', '+', 1), updated_at: new Date() }));
    await appUpdate.where('id', '=', appId).execute();
    await options.published?.(tx, appId, document);
    return { version, plan };
  });
}
