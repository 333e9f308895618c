import type { SystemTables } from '@tessera/db';
import type { AppDocument, FieldDefinition } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import type { PublishHooks } from './apply-ddl';
import type { DdlStep } from './ddl-steps';
import { type DocumentChange, diffDocuments } from './diff-documents';
import { MetaError, type MetaIssue } from './issue';
import { loadPhysicalState } from './physical-catalog';
import { planDdl } from './plan-ddl';
import { publishDocument } from './publish';
import { findRuleBreaks, type RuleBreak } from './rule-breaks';
import { type FieldTypeChangePreview, previewFieldTypeChange, previewPlanTypeChanges, type TypeChangePreview } from './type-change-preview';
import { validateDocument } from './validate-document';

type Db = Kysely<SystemTables>;

export interface AppSummary {
  id: string;
  label: AppDocument['label'];
  icon: AppDocument['icon'] | null;
  liveVersion: number | null;
  draftRevision: number;
  updatedAt: Date;
}

export interface VersionSummary {
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  comment: string | null;
  rolledBackFrom: number | null;
}

function requireValid(document: unknown): AppDocument {
  const verdict = validateDocument(document);
  if (!verdict.ok) throw new MetaError('meta.invalid', 422, verdict.issues, { count: verdict.issues.length });
  return verdict.document;
}

async function appRow(db: Db, appId: string) {
  const row = await db.selectFrom('meta_apps').selectAll().where('id', '=', appId).executeTakeFirst();
  if (!row) throw new MetaError('meta.app_not_found', 404, [], { id: appId });
  return row;
}

/** Apps, drafts and versions. Every write of metadata passes validateDocument first. */
export function createMetadataStore(db: Db, hooks: PublishHooks = {}) {
  return {
    async listApps(): Promise<AppSummary[]> {
      const rows = await db.selectFrom('meta_apps').selectAll().orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        // A saved draft may be half-built (saveDraft): without a label the app is listed by its id.
        label: (r.draft as Partial<AppDocument>).label ?? { en: r.id },
        icon: (r.draft as Partial<AppDocument>).icon ?? null,
        liveVersion: r.live_version,
        draftRevision: r.draft_revision,
        updatedAt: r.updated_at,
      }));
    },

    async createApp(document: unknown): Promise<{ id: string; draftRevision: number }> {
      const app = requireValid(document);
      const inserted = await db
        .insertInto('meta_apps')
        .values({ id: app.id, draft: JSON.stringify(app) })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning(['id', 'draft_revision'])
        .executeTakeFirst();
      if (!inserted) throw new MetaError('meta.app_exists', 409, [], { id: app.id });
      return { id: inserted.id, draftRevision: inserted.draft_revision };
    },

    /** The draft as saved: possibly invalid (saveDraft keeps half-built designs), so check it before trusting it. */
    async getApp(appId: string) {
      const row = await appRow(db, appId);
      return { id: row.id, draft: row.draft as AppDocument, draftRevision: row.draft_revision, liveVersion: row.live_version };
    },

    /**
     * Keeps the draft as the admin left it, valid or not: a half-built design is work worth keeping,
     * so problems are reported with the saved revision, never a refusal (publish refuses them). Only a
     * draft that names another app is refused. Optimistic concurrency: the save names the revision it
     * started from; a stale one is refused.
     */
    async saveDraft(appId: string, document: object, revision: number): Promise<{ draftRevision: number; issues: MetaIssue[] }> {
      if ((document as { id?: unknown }).id !== appId)
        throw new MetaError('meta.invalid', 422, [{ pointer: '/id', code: 'meta.app_id_mismatch', params: { id: appId } }], { count: 1 });
      const verdict = validateDocument(document);
      const updated = await db
        .updateTable('meta_apps')
        .set((eb) => ({ draft: JSON.stringify(document), draft_revision: eb('draft_revision', '+', 1), updated_at: new Date() }))
        .where('id', '=', appId)
        .where('draft_revision', '=', revision)
        .returning('draft_revision')
        .executeTakeFirst();
      if (updated) return { draftRevision: updated.draft_revision, issues: verdict.ok ? [] : verdict.issues };
      const current = await appRow(db, appId);
      throw new MetaError('meta.draft_conflict', 409, [], { current: current.draft_revision, yours: revision });
    },

    async validateDraft(appId: string) {
      const row = await appRow(db, appId);
      const verdict = validateDocument(row.draft);
      return verdict.ok ? { valid: true, issues: [] } : { valid: false, issues: verdict.issues };
    },

    /** The publish review: what changes, the DDL it runs, the filter of the stored rows that break each new or tightened data rule, and what each type change does to stored rows. */
    async diffDraft(appId: string): Promise<{ changes: DocumentChange[]; plan: DdlStep[]; ruleBreaks: RuleBreak[]; typeChanges: TypeChangePreview[] }> {
      const row = await appRow(db, appId);
      const draft = requireValid(row.draft);
      const live = row.live_version === null ? null : await this.getVersion(appId, row.live_version);
      const physical = await loadPhysicalState(db, appId);
      const plan = planDdl(draft, physical);
      const ruleBreaks = findRuleBreaks(live?.document ?? null, draft, physical);
      const typeChanges = await previewPlanTypeChanges(db, appId, plan);
      return { changes: diffDocuments(live?.document ?? null, draft), plan, ruleBreaks, typeChanges };
    },

    /** What giving a stored field another type would do to its rows, before the draft is even saved (the studio's field panel). */
    async previewFieldType(appId: string, objectId: string, field: Pick<FieldDefinition, 'id' | 'type' | 'resultType'>): Promise<FieldTypeChangePreview> {
      await appRow(db, appId);
      return previewFieldTypeChange(db, appId, await loadPhysicalState(db, appId), objectId, field);
    },

    async publish(appId: string, options: { revision?: number | undefined; comment?: string | undefined; actor: string | null }) {
      return publishDocument(db, appId, { ...hooks, ...options, source: 'draft' });
    },

    /** Publishes an older version's document again, as a new version, and makes it the draft. */
    async rollback(appId: string, version: number, options: { comment?: string | undefined; actor: string | null }) {
      return publishDocument(db, appId, { ...hooks, ...options, source: { version } });
    },

    async listVersions(appId: string): Promise<VersionSummary[]> {
      await appRow(db, appId);
      const rows = await db
        .selectFrom('meta_versions')
        .select(['version', 'published_at', 'published_by', 'comment', 'rolled_back_from'])
        .where('app_id', '=', appId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map((r) => ({
        version: r.version,
        publishedAt: r.published_at,
        publishedBy: r.published_by,
        comment: r.comment,
        rolledBackFrom: r.rolled_back_from,
      }));
    },

    async getVersion(appId: string, version: number): Promise<{ version: number; document: AppDocument }> {
      const row = await db
        .selectFrom('meta_versions')
        .select(['version', 'document'])
        .where('app_id', '=', appId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!row) throw new MetaError('meta.version_not_found', 404, [], { version });
      return { version: row.version, document: row.document as AppDocument };
    },

    async getLive(appId: string): Promise<{ version: number; document: AppDocument }> {
      const row = await appRow(db, appId);
      if (row.live_version === null) throw new MetaError('meta.not_published', 404, [], { id: appId });
      return this.getVersion(appId, row.live_version);
    },
  };
}

export type MetadataStore = ReturnType<typeof createMetadataStore>;
