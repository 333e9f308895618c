import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createFieldCipher } from '@tessera/access';
import { type BackupSettings, registerBackupJobs, scheduleNextBackup } from '@tessera/backup';
import type { Database } from '@tessera/db';
import { createEventDispatcher, type EventDispatcher, type EventSubscriber } from '@tessera/events';
import { type FileStore, localDiskStore } from '@tessera/files';
import {
  createDirectoryCache,
  createFlowDefinitions,
  createFlowService,
  createWebhookReceiver,
  type FlowService,
  flowRecordLock,
  type MailSettings,
  planClockTriggers,
  wireFlowEngine,
} from '@tessera/flows';
import { createJobRunner, type JobRunner } from '@tessera/jobs';
import type { PublishHooks } from '@tessera/meta';
import { createLiveAppCache, createRecordService, dataVersionsSubscriber, type RecordService } from '@tessera/records';
import { createReportService } from '@tessera/reports';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { registerAuthentication } from './authentication';
import { answerClientError } from './client-errors';
import { registerCompression } from './compression';
import { registerImportJobs } from './import-job';
import { registerLoadShedding, type SheddingOptions } from './load-shedding';
import { registerMetrics } from './metrics-endpoint';
import { adminRoutes } from './plugins/admin-routes';
import { appDeletionRoutes } from './plugins/app-deletion-routes';
import { authRoutes } from './plugins/auth-routes';
import { backupRoutes } from './plugins/backup-routes';
import { commentRoutes } from './plugins/comment-routes';
import { dashboardWidgetRoutes } from './plugins/dashboard-widget-routes';
import { draftRoutes } from './plugins/draft-routes';
import { duplicateRoutes } from './plugins/duplicate-routes';
import { exportRoutes } from './plugins/export-routes';
import { fileRoutes } from './plugins/file-routes';
import { flowDelegationRoutes } from './plugins/flow-delegation-routes';
import { flowInboxRoutes } from './plugins/flow-inbox-routes';
import { flowRecordRoutes } from './plugins/flow-record-routes';
import { flowRoutes } from './plugins/flow-routes';
import { flowSimulateRoutes } from './plugins/flow-simulate-routes';
import { flowWebhookRoutes } from './plugins/flow-webhook-routes';
import { healthRoutes } from './plugins/health-routes';
import { importRoutes } from './plugins/import-routes';
import { liveAppRoutes } from './plugins/live-app-routes';
import { metaRoutes } from './plugins/meta-routes';
import { recordHistoryRoutes } from './plugins/record-history-routes';
import { recordRoutes } from './plugins/record-routes';
import { regionRoutes } from './plugins/region-routes';
import { reportRoutes } from './plugins/report-routes';
import { rolePreviewRoutes } from './plugins/role-preview-routes';
import { typePreviewRoutes } from './plugins/type-preview-routes';
import { viewRoutes } from './plugins/view-routes';
import { webRoutes } from './plugins/web-routes';
import { frameworkProblem, registerProblemHandlers } from './problem';
import { type RequestLogOptions, registerRequestLog } from './request-log';
import { registerSecurityHeaders } from './security-headers';
import { registerTextChecks } from './text-checks';

export interface ServerOptions {
  database: Database;
  /** The built web app (apps/web/dist); omitted: API only. */
  webRoot?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** 32-byte key (hex or base64) for encrypted fields; without it such fields cannot be published or written. */
  encryptionKey?: string | undefined;
  /** Where uploads go; default: a local-disk store in `filesDir`. */
  fileStore?: FileStore | undefined;
  /** Folder of the default local-disk store (default: a temporary folder — `main.ts` passes ./data/files). */
  filesDir?: string | undefined;
  /** Largest accepted request body, bytes. */
  bodyLimit?: number | undefined;
  /** The largest bulk change one request may make (records); default 100,000. */
  bulkLimit?: number | undefined;
  /** More subscribers of the record events, besides the server's own. */
  subscribers?: readonly EventSubscriber[] | undefined;
  /** Signs the flows' outbound HTTP calls (HMAC-SHA256 in X-Tessera-Signature). */
  flowHttpSecret?: string | undefined;
  /** An SMTP server for approval e-mails; without it notifications stay in the app. */
  mail?: MailSettings | undefined;
  /** Where backups go, how often, how many are kept; default: a temporary folder and no schedule (`main.ts` passes the settings from the environment). */
  backups?: BackupSettings | undefined;
  /**
   * The reverse proxies whose `X-Forwarded-For` names the client (addresses or CIDRs, e.g. from
   * TESSERA_TRUST_PROXY); from anyone else it is ignored. Sign-in throttling counts by that address.
   */
  trustProxy?: readonly string[] | undefined;
  /** How often the event dispatcher and the job runner look for work without being woken (ms); default 1,000. */
  eventPollMs?: number | undefined;
  /**
   * Whether this process runs the background work — jobs, scheduled flows, event delivery —
   * besides serving requests; default true. False: a web-only process (TESSERA_PROCESS=web) whose
   * writes wake the workers by NOTIFY.
   */
  background?: boolean | undefined;
  /**
   * How long an import's lease lasts without a heartbeat before another process takes the job
   * over (ms); default import-job.ts's. A process killed mid-import is noticed after this long.
   */
  importLeaseMs?: number | undefined;
  /** Serves `GET /metrics` to holders of this bearer token (TESSERA_METRICS_TOKEN); absent: no metrics endpoint. */
  metricsToken?: string | undefined;
  /** Bounds of the queue for database connections, past which requests are answered 503 at once (load-shedding.ts). */
  shedding?: SheddingOptions | undefined;
  /** How ordinary requests are logged (request-log.ts); default: every request at info. */
  requestLog?: RequestLogOptions | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Delivers committed record events to their subscribers (packages/events). */
    events: EventDispatcher;
    /** Runs durable background jobs; plugins register their queues before the server is ready (packages/jobs). */
    jobs: JobRunner;
    /** The records service every route writes through (the flow engine's lock included). */
    records: RecordService;
    /** The flow engine: start flows and act on their instances (packages/flows). */
    flows: FlowService;
    /** What every publish of this server runs (encryption of sealed fields, the flows' clock); the template installer uses them too. */
    publishHooks: PublishHooks;
  }
}

/** The whole HTTP surface as one Fastify instance: one plugin per domain, every route with a schema. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024,
    // Unknown properties are errors, not silently dropped; every problem is reported at once.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
    return503OnClosing: true,
    ...(options.trustProxy?.length ? { trustProxy: [...options.trustProxy] } : {}),
    // One line per request, from request-log.ts, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: frameworkProblem,
    clientErrorHandler: answerClientError,
  });
  registerProblemHandlers(app);
  registerTextChecks(app);
  registerRequestLog(app, options.requestLog ?? { ordinaryLevel: 'info' });
  registerMetrics(app, { database: options.database, token: options.metricsToken });
  // Before authentication, which reads the session from the database.
  registerLoadShedding(app, options.database, options.shedding);
  await registerSecurityHeaders(app);
  await registerCompression(app);
  await app.register(cookie);
  registerAuthentication(app, options.database);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tessera API',
        version: '1',
        description: 'Metadata (apps, drafts, versions) and records of published objects. Errors are RFC 9457 problem+json.',
      },
      tags: [
        { name: 'auth' },
        { name: 'admin' },
        { name: 'metadata' },
        { name: 'records' },
        { name: 'drafts' },
        { name: 'views' },
        { name: 'files' },
        { name: 'imports' },
        { name: 'flows' },
        { name: 'reports' },
        { name: 'notifications' },
        { name: 'reference' },
        { name: 'health' },
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tessera_session' }, token: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const cipher = options.encryptionKey ? createFieldCipher(options.encryptionKey) : null;
  const liveApps = createLiveAppCache(options.database.db);
  const events = createEventDispatcher(options.database, {
    pollMs: options.eventPollMs,
    log: (message, error) => app.log.error({ err: error }, message),
  });
  for (const subscriber of [dataVersionsSubscriber, ...(options.subscribers ?? [])]) await events.subscribe(subscriber);
  app.decorate('events', events);
  const jobs = createJobRunner(options.database, {
    pollMs: options.eventPollMs,
    log: (message, error) => app.log.error({ err: error }, message),
    // The embedded database is open in this process alone (ADR 0113): a job still marked running was a killed predecessor's.
    soleProcess: options.database.kind === 'pglite',
  });
  app.decorate('jobs', jobs);
  if (options.background !== false) {
    app.addHook('onReady', () => events.start());
    app.addHook('onReady', () => jobs.start());
  }
  app.addHook('onClose', () => events.stop());
  app.addHook('onClose', () => jobs.stop());
  // The flow engine: records under approval are locked by its guard; its timers and triggers run on the runners above.
  const definitions = createFlowDefinitions();
  // Other processes' publishes, rollbacks and deletions reach this one's caches at once (PostgreSQL; PGlite is one process).
  if (options.database.kind === 'postgres') {
    let unfollow: (() => Promise<void>) | null = null;
    app.addHook('onReady', async () => {
      unfollow = await liveApps.follow(options.database.notifications, (appId) => definitions.forget(appId));
    });
    app.addHook('onClose', async () => unfollow?.());
  }
  const directory = createDirectoryCache(options.database);
  app.addHook('onReady', () => directory.start());
  const records = createRecordService(options.database.db, liveApps, {
    cipher,
    onCommit: () => events.wake(),
    bulkLimit: options.bulkLimit,
    guard: flowRecordLock(definitions),
  });
  const flows = createFlowService({
    database: options.database,
    records,
    liveApps,
    directory,
    definitions,
    mail: options.mail !== undefined,
    onCommit: () => {
      jobs.wake();
      events.wake();
    },
  });
  await wireFlowEngine({ db: options.database.db, flows, events, jobs, liveApps, httpSecret: options.flowHttpSecret, mail: options.mail });
  app.decorate('records', records);
  app.decorate('flows', flows);
  await app.register(healthRoutes, { database: options.database });
  await app.register(authRoutes, { database: options.database });
  await app.register(adminRoutes, { database: options.database, records, liveApps });
  const publishHooks: PublishHooks = { encrypt: cipher?.encrypt, published: planClockTriggers };
  app.decorate('publishHooks', publishHooks);
  await app.register(metaRoutes, { database: options.database, liveApps, hooks: publishHooks, records });
  await app.register(liveAppRoutes, { database: options.database });
  await app.register(typePreviewRoutes, { database: options.database });
  await app.register(recordRoutes, { records, database: options.database });
  await app.register(recordHistoryRoutes, { records });
  await app.register(commentRoutes, { records });
  await app.register(duplicateRoutes, { records, database: options.database });
  await app.register(draftRoutes, { records });
  await app.register(viewRoutes, { records });
  await app.register(regionRoutes);
  const reports = createReportService(records);
  await app.register(reportRoutes, { reports });
  await app.register(dashboardWidgetRoutes, { database: options.database, reports });
  await app.register(flowRoutes, { database: options.database, records, flows, definitions });
  await app.register(flowInboxRoutes, { database: options.database, flows, definitions });
  await app.register(flowSimulateRoutes, { database: options.database, records, flows, liveApps });
  await app.register(rolePreviewRoutes, { database: options.database, records, liveApps });
  await app.register(flowDelegationRoutes, {
    database: options.database,
    directory,
    flows,
    committed: () => {
      jobs.wake();
      events.wake();
    },
  });
  await app.register(flowWebhookRoutes, { database: options.database, webhooks: createWebhookReceiver(options.database.db, liveApps, records, flows) });
  await app.register(flowRecordRoutes, { database: options.database, records, definitions, liveApps });
  const store = options.fileStore ?? localDiskStore(options.filesDir ?? join(tmpdir(), 'tessera-files'));
  await app.register(fileRoutes, { database: options.database, records, store, definitions });
  await app.register(appDeletionRoutes, { database: options.database, liveApps, definitions, store });
  registerImportJobs(jobs, { database: options.database, records, liveApps, store, leaseMs: options.importLeaseMs });
  await app.register(importRoutes, { database: options.database, records, liveApps, store });
  await app.register(exportRoutes, { database: options.database, records, liveApps });
  const backups = options.backups ?? { directory: join(tmpdir(), 'tessera-backups'), everyMinutes: null, keep: 24, keepDays: null };
  registerBackupJobs(jobs, { database: options.database, fileStore: store, settings: backups });
  app.addHook('onReady', () => scheduleNextBackup(options.database.db, backups));
  await app.register(backupRoutes, { database: options.database, jobs, settings: backups });
  if (options.webRoot) await app.register(webRoutes, { webRoot: options.webRoot });
  return app;
}
