import type { AccessPolicy, FieldCipher } from '@tessera/access';
import { type SystemTables, transactionWithRetry } from '@tessera/db';
import type { ChangeSource } from '@tessera/events';
import type { AppDocument } from '@tessera/schemas';
import type { Kysely, Transaction } from 'kysely';
import { type BulkSelection, bulkDelete, bulkUpdate, DEFAULT_BULK_LIMIT } from './bulk';
import { addComment, editComment, listComments, removeComment } from './comments';
import { deleteDraft, listDrafts, readDraft, saveDraft } from './drafts';
import { matchByRule } from './duplicate-matches';
import { findDuplicateCandidates, scanDuplicates } from './duplicates';
import { readHistory } from './history';
import type { LiveAppCache } from './live-app';
import { objectOf } from './live-app';
import { type MergeRequest, mergeRecords, mergesOf, undoMerge } from './merge-records';
import { anonymizeRecord, exportPersonalData } from './personal-data';
import { type AheadVerdict, type CreateInput, validateAhead } from './prepare-write';
import { onLatestVersion } from './publish-race';
import { type Reassignment, reassignOwner } from './reassign';
import type { RecordRow } from './record-columns';
import { toRecordJson } from './record-columns';
import type { RecordContext } from './record-context';
import { RecordError } from './record-error';
import { recordJsonSchemas, withJsonShape } from './record-json-schema';
import { countRecords, type ListQuery, listRecords } from './record-list';
import { lookupByField } from './record-lookup';
import { expandDisplay, getRecord } from './record-read';
import { type CreateManyResult, createRecord, createRecords, setDeleted, updateRecord } from './record-write';
import { deleteView, listSavedViews, saveView, type ViewDefinition } from './saved-views';
import { openRow } from './sealed-fields';
import { isValueTaken } from './unique-check';
import { type RecordEdit, updateEach } from './update-each';
import type { RecordWriteGuard } from './write-guard';

/** A policy, or how to compile one from the live document (roles live in the app's metadata). */
export type AccessResolver = AccessPolicy | ((document: AppDocument) => AccessPolicy);

export interface RecordServiceOptions {
  /** Seals and opens encrypted fields; without it such fields cannot be written. */
  cipher?: FieldCipher | null | undefined;
  /**
   * Called after the service commits a write of its own — not for writes inside a caller's
   * transaction, which only the caller sees commit. The event dispatcher's wake-up goes here.
   */
  onCommit?: (() => void) | undefined;
  /** The largest bulk change one call may make (default 100,000 records). */
  bulkLimit?: number | undefined;
  /** Checked by every edit and delete before it changes anything (a flow's lock on records under approval). */
  guard?: RecordWriteGuard | undefined;
}

/** Who made a change, when it was not a user's own edit: a flow, an import, a template install. */
export interface WriteOptions {
  source?: ChangeSource | undefined;
  /** What made it, beyond the source (a flow's id and instance): told to subscribers with the events. */
  cause?: Record<string, unknown> | undefined;
}

export interface CreateManyOptions extends WriteOptions {
  form?: string | undefined;
  /** `all` (default): one refused row refuses the batch; `valid`: the valid rows are written, the others reported. */
  atomicity?: 'all' | 'valid' | undefined;
}

/**
 * The one path to record data for the API, imports and flows. Every call carries the caller's
 * access policy; there is no method without one.
 *
 * Transactions: each operation runs in one transaction — its own, or the caller's. `within(trx)`
 * gives the same service inside a transaction the caller opened (a flow committing its step with
 * the record change that caused it); `transaction(work)` opens one and hands `work` a service
 * bound to it. Everything an operation reads and writes — child rows, references, formula values,
 * history, events — happens in that one transaction (packages/records/README.md).
 */
export type RecordService = ReturnType<typeof operations> & {
  /** This service inside the caller's transaction: no operation opens or commits one of its own. */
  within(trx: Transaction<SystemTables>): RecordService;
  /**
   * Runs `work` in one new transaction with a service bound to it, and the transaction itself for
   * the caller's own writes (an audit line). After a deadlock or serialization failure the whole of
   * `work` runs again (`transactionWithRetry`), so it must do database work only.
   */
  transaction<T>(work: (records: RecordService, tx: Transaction<SystemTables>) => Promise<T>): Promise<T>;
};

export function createRecordService(db: Kysely<SystemTables>, liveApps: LiveAppCache, options: RecordServiceOptions = {}): RecordService {
  const service = operations(db, liveApps, options);
  return {
    ...service,
    within: (trx) => createRecordService(trx, liveApps, { ...options, onCommit: undefined }),
    async transaction(work) {
      if (db.isTransaction) return work(createRecordService(db, liveApps, { ...options, onCommit: undefined }), db as Transaction<SystemTables>);
      // `work` may run more than once (after a deadlock): it does database work only.
      const result = await transactionWithRetry(db, (tx) => work(createRecordService(tx, liveApps, { ...options, onCommit: undefined }), tx));
      options.onCommit?.();
      return result;
    },
  };
}

/** An answer paired with the shape of its object in the version it was read from (record-json-schema.ts). */
function shaped<T extends object>(ctx: RecordContext, objectId: string, kind: 'record' | 'list', value: T): T {
  return withJsonShape(value, recordJsonSchemas(ctx.app, objectId)?.[kind]);
}

function operations(db: Kysely<SystemTables>, liveApps: LiveAppCache, options: RecordServiceOptions) {
  const cipher = options.cipher ?? null;
  const bulkLimit = options.bulkLimit ?? DEFAULT_BULK_LIMIT;
  const context = async (appId: string, access: AccessResolver, write: WriteOptions = {}): Promise<RecordContext> => {
    const app = await liveApps.get(appId, db);
    return { db, app, cipher, access: typeof access === 'function' ? access(app.document) : access, cause: write.cause ?? null, guard: options.guard };
  };
  /** A write the service committed itself wakes the subscribers; one in a caller's transaction waits for the caller. */
  const written = <T>(result: T): T => {
    if (!db.isTransaction) options.onCommit?.();
    return result;
  };
  return {
    async create(appId: string, objectId: string, access: AccessResolver, input: CreateInput & { form?: string | undefined }, write: WriteOptions = {}) {
      const { ctx, id, row } = await onLatestVersion(
        liveApps,
        appId,
        () => context(appId, access, write),
        async (ctx) => ({
          ctx,
          ...(await createRecord(ctx, objectId, input, write.source ?? 'user')),
        }),
      );
      written(null);
      const object = objectOf(ctx.app, objectId);
      if (row) return shaped(ctx, objectId, 'record', (await expandDisplay(ctx, object, [openRow(ctx, object, toRecordJson(row), 'full')]))[0]!);
      // A role may create without reading (a web form for leads): it gets the new id, no more.
      try {
        return shaped(ctx, objectId, 'record', await getRecord(ctx, objectId, id));
      } catch (error) {
        if (error instanceof RecordError && (error.code === 'record.forbidden' || error.code === 'record.not_found')) return { id } as RecordRow;
        throw error;
      }
    },
    /** Many new records, set-based (an import, a template's sample data): see `createRecords`. */
    async createMany(
      appId: string,
      objectId: string,
      access: AccessResolver,
      inputs: readonly CreateInput[],
      many: CreateManyOptions = {},
    ): Promise<CreateManyResult> {
      const options = { form: many.form, source: many.source ?? 'user', atomicity: many.atomicity ?? 'all' } as const;
      return written(
        await onLatestVersion(
          liveApps,
          appId,
          () => context(appId, access, many),
          (ctx) => createRecords(ctx, objectId, inputs, options),
        ),
      );
    },
    /** Many records, each with its own values (an import's matched rows, an undo), set-based: see `updateEach`. */
    async updateEach(appId: string, objectId: string, access: AccessResolver, edits: readonly RecordEdit[], write: WriteOptions = {}) {
      return written(
        await onLatestVersion(
          liveApps,
          appId,
          () => context(appId, access, write),
          (ctx) => updateEach(ctx, objectId, edits, write.source ?? 'user'),
        ),
      );
    },
    /**
     * Each row checked as a create or a patch would check it (the object's rules and the actor's
     * field access), without writing or looking anything up: an import validates a chunk while
     * the one before is written. Values that passed go to `createMany` / `updateEach` unchanged
     * and are not checked again there (prepare-write.ts); a refused row's issues list every problem.
     */
    async validateMany(appId: string, objectId: string, access: AccessResolver, rows: readonly unknown[], mode: 'create' | 'patch'): Promise<AheadVerdict[]> {
      const ctx = await context(appId, access);
      return validateAhead(ctx, objectOf(ctx.app, objectId), rows, mode);
    },
    /** Live records whose field equals one of the values, within the actor's scope (natural keys, dedup keys). */
    async lookup(appId: string, objectId: string, access: AccessResolver, fieldId: string, values: readonly string[]) {
      return lookupByField(await context(appId, access), objectId, fieldId, values);
    },
    async get(appId: string, objectId: string, access: AccessResolver, id: string) {
      const ctx = await context(appId, access);
      return shaped(ctx, objectId, 'record', await getRecord(ctx, objectId, id));
    },
    async update(
      appId: string,
      objectId: string,
      access: AccessResolver,
      id: string,
      input: { version: number; values: unknown; form?: string | undefined },
      write: WriteOptions = {},
    ) {
      const ctx = await onLatestVersion(
        liveApps,
        appId,
        () => context(appId, access, write),
        async (ctx) => {
          await updateRecord(ctx, objectId, id, input, write.source ?? 'user');
          return ctx;
        },
      );
      written(null);
      return shaped(ctx, objectId, 'record', await getRecord(ctx, objectId, id));
    },
    async remove(appId: string, objectId: string, access: AccessResolver, id: string, write: WriteOptions = {}) {
      written(await setDeleted(await context(appId, access, write), objectId, id, true, write.source ?? 'user'));
    },
    async restore(appId: string, objectId: string, access: AccessResolver, id: string, write: WriteOptions = {}) {
      const ctx = await context(appId, access, write);
      written(await setDeleted(ctx, objectId, id, false, write.source ?? 'user'));
      return shaped(ctx, objectId, 'record', await getRecord(ctx, objectId, id));
    },
    async list(appId: string, objectId: string, access: AccessResolver, query: ListQuery) {
      const ctx = await context(appId, access);
      return shaped(ctx, objectId, 'list', await listRecords(ctx, objectId, query));
    },
    /** The total of what `list` would page through, without the rows. */
    async count(appId: string, objectId: string, access: AccessResolver, query: Pick<ListQuery, 'filters' | 'where' | 'deleted'>) {
      return countRecords(await context(appId, access), objectId, query);
    },
    async reassign(appId: string, objectId: string, access: AccessResolver, change: Reassignment) {
      return written(await reassignOwner(await context(appId, access), objectId, change));
    },
    async exportPersonalData(appId: string, objectId: string, access: AccessResolver, id: string) {
      return exportPersonalData(await context(appId, access), objectId, id);
    },
    async anonymize(appId: string, objectId: string, access: AccessResolver, id: string, anonymize: { cascade: boolean }) {
      return written(await anonymizeRecord(await context(appId, access), objectId, id, anonymize));
    },
    async isTaken(appId: string, objectId: string, access: AccessResolver, input: { field: string; value: unknown; excludeId?: string | undefined }) {
      return isValueTaken(await context(appId, access), objectId, input);
    },
    drafts: {
      save: async (appId: string, objectId: string, access: AccessResolver, key: string, values: Record<string, unknown>) =>
        saveDraft(await context(appId, access), objectId, key, values),
      read: async (appId: string, objectId: string, access: AccessResolver, key: string) => readDraft(await context(appId, access), objectId, key),
      list: async (appId: string, objectId: string, access: AccessResolver) => listDrafts(await context(appId, access), objectId),
      remove: async (appId: string, objectId: string, access: AccessResolver, key: string) => deleteDraft(await context(appId, access), objectId, key),
    },
    /** One change to many records (ticked ids or a list's filters), set-based, in one transaction. */
    async bulkUpdate(
      appId: string,
      objectId: string,
      access: AccessResolver,
      selection: BulkSelection,
      values: Record<string, unknown>,
      write: WriteOptions = {},
    ) {
      return written(
        await onLatestVersion(
          liveApps,
          appId,
          () => context(appId, access, write),
          (ctx) => bulkUpdate(ctx, objectId, selection, values, bulkLimit, write.source ?? 'bulk'),
        ),
      );
    },
    async bulkDelete(appId: string, objectId: string, access: AccessResolver, selection: BulkSelection) {
      return written(await bulkDelete(await context(appId, access), objectId, selection, bulkLimit));
    },
    duplicates: {
      /** The records `values` would duplicate under the object's match rules: those the actor may read, and how many others. */
      check: async (appId: string, objectId: string, access: AccessResolver, input: { values: Record<string, unknown>; excludeId?: string | undefined }) =>
        findDuplicateCandidates(await context(appId, access), objectId, input),
      /** Duplicate groups among the records the actor may read, strongest first. */
      scan: async (appId: string, objectId: string, access: AccessResolver, options: { limit: number }) =>
        scanDuplicates(await context(appId, access), objectId, options),
      /** For each row (an import's chunk), the records the actor may read that the match rule `rule` says it duplicates. */
      matchMany: async (appId: string, objectId: string, access: AccessResolver, input: { rule: string; rows: readonly Readonly<Record<string, unknown>>[] }) =>
        matchByRule(await context(appId, access), objectId, input.rule, input.rows),
    },
    /** Merges one record into another (merge-records.ts): values, lines, references, recycle bin, undoable. */
    async merge(appId: string, objectId: string, access: AccessResolver, request: MergeRequest) {
      return written(await mergeRecords(await context(appId, access), objectId, request));
    },
    async undoMerge(appId: string, objectId: string, access: AccessResolver, mergeId: string) {
      return written(await undoMerge(await context(appId, access), objectId, mergeId));
    },
    async merges(appId: string, objectId: string, access: AccessResolver, recordId: string) {
      return mergesOf(await context(appId, access), objectId, recordId);
    },
    views: {
      list: async (appId: string, objectId: string, access: AccessResolver) => listSavedViews(await context(appId, access), objectId),
      save: async (appId: string, objectId: string, access: AccessResolver, view: ViewDefinition, id?: string) =>
        saveView(await context(appId, access), objectId, view, id),
      remove: async (appId: string, objectId: string, access: AccessResolver, id: string) => deleteView(await context(appId, access), objectId, id),
    },
    comments: {
      list: async (appId: string, objectId: string, access: AccessResolver, recordId: string) => listComments(await context(appId, access), objectId, recordId),
      add: async (appId: string, objectId: string, access: AccessResolver, recordId: string, input: { body: string; mentions: readonly string[] }) =>
        addComment(await context(appId, access), objectId, recordId, input),
      /** The author's new text and mentions; answers whom the comment mentions for the first time. */
      edit: async (
        appId: string,
        objectId: string,
        access: AccessResolver,
        recordId: string,
        commentId: string,
        input: { body: string; mentions: readonly string[]; version?: number | undefined },
      ) => editComment(await context(appId, access), objectId, recordId, commentId, input),
      /** Removes it if the caller wrote it or is an administrator; answers whose it was. */
      remove: async (appId: string, objectId: string, access: AccessResolver, recordId: string, commentId: string, byAdministrator: boolean) =>
        removeComment(await context(appId, access), objectId, recordId, commentId, byAdministrator),
    },
    /**
     * The live app and the actor's compiled policy, for an engine that only reads aggregates
     * (packages/reports): it applies the same row scope and field rules through `rowScopeAt`,
     * `filterPredicates` and `formulaPredicate`, and never writes.
     */
    readContext(appId: string, access: AccessResolver): Promise<RecordContext> {
      return context(appId, access);
    },
    async history(appId: string, objectId: string, access: AccessResolver, id: string) {
      const ctx = await context(appId, access);
      await getRecord(ctx, objectId, id, { deleted: true });
      return readHistory(ctx, objectOf(ctx.app, objectId).id, id);
    },
  };
}
