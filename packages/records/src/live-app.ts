import type { Notifications, SystemTables } from '@tessera/db';
import type { FormulaPlan } from '@tessera/expr';
import { type CompiledForm, compileFieldDefaults, type FieldDefaults } from '@tessera/forms';
import { desiredIndexes } from '@tessera/meta';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import { planComputed } from './computed-fields';
import { compileForms } from './form-submission';
import { RecordError } from './record-error';
import type { RecordJsonSchemas } from './record-json-schema';
import { RecordValidator } from './record-validator';
import { planRollups, type RollupPlan } from './rollups';
import type { StatementCache } from './statement-cache';

/** A published version, compiled for serving records: objects by id, validators, constraint names. */
export interface LiveApp {
  appId: string;
  version: number;
  document: AppDocument;
  objects: ReadonlyMap<string, ObjectDefinition>;
  validator: RecordValidator;
  /** unique index / foreign key name → the field it guards, to name the field in a violation. */
  constraintField: ReadonlyMap<string, { object: string; field: string }>;
  /** objectId → its formula fields, compiled (absent when it has none). */
  computed: ReadonlyMap<string, FormulaPlan>;
  /** objectId → its rollup formulas, computed on read (absent when it has none). */
  rollups: ReadonlyMap<string, RollupPlan>;
  /** formId → the compiled form, for writes that name one. */
  forms: ReadonlyMap<string, CompiledForm>;
  /** objectId → its fields' own defaults, filled in on every create (absent when it has none). */
  defaults: ReadonlyMap<string, FieldDefaults>;
  /** Hot statements compiled once for this version (statement-cache.ts). */
  statements: StatementCache;
  /** objectId → the JSON Schemas its records are written with, built on first use (record-json-schema.ts). */
  jsonSchemas: Map<string, RecordJsonSchemas>;
}

export function compileLiveApp(appId: string, version: number, document: AppDocument): LiveApp {
  const objects = new Map(document.objects.map((o) => [o.id, o] as const));
  const constraintField = new Map<string, { object: string; field: string }>();
  for (const object of document.objects) {
    // A client may choose a new record's id; one already taken is a field error, not a 500.
    constraintField.set(`${object.id}_pkey`, { object: object.id, field: 'id' });
    for (const index of desiredIndexes(object)) if (index.unique) constraintField.set(index.name, { object: object.id, field: index.columns[0]?.column ?? '' });
    for (const field of object.fields)
      if (field.type === 'relation') constraintField.set(`${object.id}:fk_${field.id}`, { object: object.id, field: field.id });
  }
  const computed = new Map<string, FormulaPlan>();
  const rollups = new Map<string, RollupPlan>();
  const defaults = new Map<string, FieldDefaults>();
  for (const object of document.objects) {
    const fieldDefaults = compileFieldDefaults(object, document).defaults;
    if (fieldDefaults.size) defaults.set(object.id, fieldDefaults);
    const plan = planComputed(object, document);
    if (plan) computed.set(object.id, plan);
    const rollup = planRollups(object, document);
    if (rollup.length) rollups.set(object.id, rollup);
  }
  return {
    appId,
    version,
    document,
    objects,
    validator: new RecordValidator(objects),
    constraintField,
    computed,
    rollups,
    forms: compileForms(document),
    defaults,
    statements: new Map(),
    jsonSchemas: new Map(),
  };
}

export function objectOf(app: LiveApp, objectId: string, { allowChild = false } = {}): ObjectDefinition {
  const object = app.objects.get(objectId);
  if (!object) throw new RecordError('record.object_not_found', [], { object: objectId });
  if (object.parent && !allowChild) throw new RecordError('record.child_object', [], { object: objectId });
  return object;
}

/** The channel a trigger on `meta_apps` notifies with an app's id when its live version changes or it is deleted. */
export const APPS_CHANNEL = 'tessera_apps';

/**
 * Compiled live versions, shared by requests. Its own process's publishes invalidate at once;
 * another process's publish reaches it by NOTIFY on `APPS_CHANNEL` once `follow` was called
 * (PostgreSQL). Without it (PGlite, or while the listening connection is down) it falls back to
 * re-reading `live_version` (one cheap primary-key read) at most every `recheckMs` (ADR 0004).
 */
export function createLiveAppCache(pool: Kysely<SystemTables>, recheckMs = 1000) {
  const entries = new Map<string, { app: LiveApp; checkedAt: number }>();
  // One load per app at a time: a burst of requests after a start or a publish shares it instead
  // of each compiling the same validators.
  const loading = new Map<string, Promise<LiveApp>>();
  // Bumped by every invalidation: a load that saw a change under way keeps its result for one use only.
  let generation = 0;
  let notified: Notifications | null = null;

  async function load(appId: string, db: Kysely<SystemTables>): Promise<LiveApp> {
    const seen = generation;
    const cached = entries.get(appId);
    const row = await db.selectFrom('meta_apps').select('live_version').where('id', '=', appId).executeTakeFirst();
    if (!row || row.live_version === null) {
      entries.delete(appId);
      throw new RecordError('record.app_not_published', [], { app: appId });
    }
    const checkedAt = seen === generation ? Date.now() : Number.NEGATIVE_INFINITY;
    if (cached && cached.app.version === row.live_version) {
      cached.checkedAt = checkedAt;
      return cached.app;
    }
    const version = await db
      .selectFrom('meta_versions')
      .select('document')
      .where('app_id', '=', appId)
      .where('version', '=', row.live_version)
      .executeTakeFirstOrThrow();
    const app = compileLiveApp(appId, row.live_version, version.document as AppDocument);
    entries.set(appId, { app, checkedAt });
    return app;
  }

  const invalidate = (appId: string): void => {
    generation += 1;
    entries.delete(appId);
  };
  const clear = (): void => {
    generation += 1;
    entries.clear();
  };
  /** Trusted: the listening connection is up, so no publish elsewhere can have gone unheard. */
  const fresh = (checkedAt: number): boolean => checkedAt > Number.NEGATIVE_INFINITY && (notified?.healthy() === true || Date.now() - checkedAt < recheckMs);

  return {
    /**
     * The live version of `appId`. Inside a transaction, pass it as `db`: the check then runs on
     * the transaction's connection (the embedded database has only one) and sees what it publishes.
     */
    get(appId: string, db: Kysely<SystemTables> = pool): Promise<LiveApp> {
      const cached = entries.get(appId);
      if (cached && fresh(cached.checkedAt)) return Promise.resolve(cached.app);
      if (db.isTransaction) return load(appId, db);
      let pending = loading.get(appId);
      if (!pending) {
        pending = load(appId, db).finally(() => loading.delete(appId));
        loading.set(appId, pending);
      }
      return pending;
    },
    invalidate,
    /**
     * Hears other processes' publishes, rollbacks and deletions at once; after a gap in the
     * listening connection everything cached is re-read. Returns the way to stop.
     */
    async follow(notifications: Notifications, onChange?: (appId: string) => void): Promise<() => Promise<void>> {
      notifications.onResync(clear);
      const unlisten = await notifications.listen(APPS_CHANNEL, (appId) => {
        invalidate(appId);
        onChange?.(appId);
      });
      clear();
      notified = notifications;
      return async () => {
        notified = null;
        await unlisten();
      };
    },
  };
}

export type LiveAppCache = ReturnType<typeof createLiveAppCache>;
