import type { SystemTables } from '@tessera/db';
import type { FormulaPlan } from '@tessera/expr';
import type { CompiledForm } from '@tessera/forms';
import { desiredIndexes } from '@tessera/meta';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import { planComputed } from './computed-fields';
import { compileForms } from './form-submission';
import { RecordError } from './record-error';
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
  /** Hot statements compiled once for this version (statement-cache.ts). */
  statements: StatementCache;
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
  for (const object of document.objects) {
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
    statements: new Map(),
  };
}

export function objectOf(app: LiveApp, objectId: string, { allowChild = false } = {}): ObjectDefinition {
  const object = app.objects.get(objectId);
  if (!object) throw new RecordError('record.object_not_found', [], { object: objectId });
  if (object.parent && !allowChild) throw new RecordError('record.child_object', [], { object: objectId });
  return object;
}

/**
 * Compiled live versions, shared by requests. A process learns of another process's publish
 * within `recheckMs` (one cheap primary-key read); its own publishes invalidate at once.
 * Nothing here breaks when a second server process starts.
 */
export function createLiveAppCache(pool: Kysely<SystemTables>, recheckMs = 1000) {
  const entries = new Map<string, { app: LiveApp; checkedAt: number }>();
  // One load per app at a time: a burst of requests after a start or a publish shares it instead
  // of each compiling the same validators.
  const loading = new Map<string, Promise<LiveApp>>();

  async function load(appId: string, db: Kysely<SystemTables>): Promise<LiveApp> {
    const cached = entries.get(appId);
    const row = await db.selectFrom('meta_apps').select('live_version').where('id', '=', appId).executeTakeFirst();
    if (!row || row.live_version === null) {
      entries.delete(appId);
      throw new RecordError('record.app_not_published', [], { app: appId });
    }
    if (cached && cached.app.version === row.live_version) {
      cached.checkedAt = Date.now();
      return cached.app;
    }
    const version = await db
      .selectFrom('meta_versions')
      .select('document')
      .where('app_id', '=', appId)
      .where('version', '=', row.live_version)
      .executeTakeFirstOrThrow();
    const app = compileLiveApp(appId, row.live_version, version.document as AppDocument);
    entries.set(appId, { app, checkedAt: Date.now() });
    return app;
  }

  return {
    /**
     * The live version of `appId`. Inside a transaction, pass it as `db`: the check then runs on
     * the transaction's connection (the embedded database has only one) and sees what it publishes.
     */
    get(appId: string, db: Kysely<SystemTables> = pool): Promise<LiveApp> {
      const cached = entries.get(appId);
      if (cached && Date.now() - cached.checkedAt < recheckMs) return Promise.resolve(cached.app);
      if (db.isTransaction) return load(appId, db);
      let pending = loading.get(appId);
      if (!pending) {
        pending = load(appId, db).finally(() => loading.delete(appId));
        loading.set(appId, pending);
      }
      return pending;
    },
    invalidate(appId: string): void {
      entries.delete(appId);
    },
  };
}

export type LiveAppCache = ReturnType<typeof createLiveAppCache>;
