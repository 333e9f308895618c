import type { Kysely } from 'kysely';
import type { SystemTables } from '@tessera/db';
import type { AccessPolicy, FieldCipher } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import type { LiveAppCache } from './live-app';
import type { RecordContext } from './record-context';
import { createRecord, setDeleted, updateRecord } from './record-write';
import { expandDisplay, getRecord } from './record-read';
import { toRecordJson } from './record-columns';
import { openRow } from './sealed-fields';
import { listRecords, type ListQuery } from './record-list';
import { readHistory } from './history';
import { reassignOwner, type Reassignment } from './reassign';
import { anonymizeRecord, exportPersonalData } from './personal-data';
import { isValueTaken } from './unique-check';
import { deleteDraft, listDrafts, readDraft, saveDraft } from './drafts';
import { bulkDelete, bulkUpdate } from './bulk';
import { deleteView, listSavedViews, saveView, type ViewDefinition } from './saved-views';
import { addComment, listComments, removeComment } from './comments';
import { objectOf } from './live-app';
import { RecordError } from './record-error';
import type { RecordRow } from './record-columns';

/**
 * The one path to record data for the API, imports and flows. Every call carries the caller's
 * access policy; there is no method without one.
 */
/** A policy, or how to compile one from the live document (roles live in the app's metadata). */
export type AccessResolver = AccessPolicy | ((document: AppDocument) => AccessPolicy);

export function createRecordService(db: Kysely<SystemTables>, liveApps: LiveAppCache, options: { cipher?: FieldCipher | null } = {}) {
  const cipher = options.cipher ?? null;
  const context = async (appId: string, access: AccessResolver): Promise<RecordContext> => {
    const app = await liveApps.get(appId);
    return { db, app, cipher, access: typeof access === 'function' ? access(app.document) : access };
  };
  return {
    async create(appId: string, objectId: string, access: AccessResolver, input: { values: unknown; id?: string | undefined; form?: string | undefined }) {
      const ctx = await context(appId, access);
      const { id, row } = await createRecord(ctx, objectId, input);
      const object = objectOf(ctx.app, objectId);
      if (row) return (await expandDisplay(ctx, object, [openRow(ctx, object, toRecordJson(row), 'full')]))[0]!;
      // A role may create without reading (a web form for leads): it gets the new id, no more.
      return getRecord(ctx, objectId, id).catch((error: unknown) => {
        if (error instanceof RecordError && (error.code === 'record.forbidden' || error.code === 'record.not_found')) return { id } as RecordRow;
        throw error;
      });
    },
    async get(appId: string, objectId: string, access: AccessResolver, id: string) {
      return getRecord(await context(appId, access), objectId, id);
    },
    async update(appId: string, objectId: string, access: AccessResolver, id: string, input: { version: number; values: unknown; form?: string | undefined }) {
      const ctx = await context(appId, access);
      await updateRecord(ctx, objectId, id, input);
      return getRecord(ctx, objectId, id);
    },
    async remove(appId: string, objectId: string, access: AccessResolver, id: string) {
      await setDeleted(await context(appId, access), objectId, id, true);
    },
    async restore(appId: string, objectId: string, access: AccessResolver, id: string) {
      const ctx = await context(appId, access);
      await setDeleted(ctx, objectId, id, false);
      return getRecord(ctx, objectId, id);
    },
    async list(appId: string, objectId: string, access: AccessResolver, query: ListQuery) {
      return listRecords(await context(appId, access), objectId, query);
    },
    async reassign(appId: string, objectId: string, access: AccessResolver, change: Reassignment) {
      return reassignOwner(await context(appId, access), objectId, change);
    },
    async exportPersonalData(appId: string, objectId: string, access: AccessResolver, id: string) {
      return exportPersonalData(await context(appId, access), objectId, id);
    },
    async anonymize(appId: string, objectId: string, access: AccessResolver, id: string, options: { cascade: boolean }) {
      return anonymizeRecord(await context(appId, access), objectId, id, options);
    },
    async isTaken(appId: string, objectId: string, access: AccessResolver, input: { field: string; value: unknown; excludeId?: string | undefined }) {
      return isValueTaken(await context(appId, access), objectId, input);
    },
    drafts: {
      save: async (appId: string, objectId: string, access: AccessResolver, key: string, values: Record<string, unknown>) => saveDraft(await context(appId, access), objectId, key, values),
      read: async (appId: string, objectId: string, access: AccessResolver, key: string) => readDraft(await context(appId, access), objectId, key),
      list: async (appId: string, objectId: string, access: AccessResolver) => listDrafts(await context(appId, access), objectId),
      remove: async (appId: string, objectId: string, access: AccessResolver, key: string) => deleteDraft(await context(appId, access), objectId, key),
    },
    async bulkUpdate(appId: string, objectId: string, access: AccessResolver, ids: readonly string[], values: Record<string, unknown>) {
      return bulkUpdate(await context(appId, access), objectId, ids, values);
    },
    async bulkDelete(appId: string, objectId: string, access: AccessResolver, ids: readonly string[]) {
      return bulkDelete(await context(appId, access), objectId, ids);
    },
    views: {
      list: async (appId: string, objectId: string, access: AccessResolver) => listSavedViews(await context(appId, access), objectId),
      save: async (appId: string, objectId: string, access: AccessResolver, view: ViewDefinition, id?: string) => saveView(await context(appId, access), objectId, view, id),
      remove: async (appId: string, objectId: string, access: AccessResolver, id: string) => deleteView(await context(appId, access), objectId, id),
    },
    comments: {
      list: async (appId: string, objectId: string, access: AccessResolver, recordId: string) => listComments(await context(appId, access), objectId, recordId),
      add: async (appId: string, objectId: string, access: AccessResolver, recordId: string, input: { body: string; mentions: readonly string[] }) => addComment(await context(appId, access), objectId, recordId, input),
      remove: async (appId: string, objectId: string, access: AccessResolver, recordId: string, commentId: string) => removeComment(await context(appId, access), objectId, recordId, commentId),
    },
    async history(appId: string, objectId: string, access: AccessResolver, id: string) {
      const ctx = await context(appId, access);
      await getRecord(ctx, objectId, id, { deleted: true });
      return readHistory(ctx, objectOf(ctx.app, objectId).id, id);
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
