import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupSettingsFromEnv } from '@tessera/backup';
import { type Database, DataDirInUse, openDatabase } from '@tessera/db';
import { ensureFirstAdmin } from '@tessera/identity';
import { createMetadataStore } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { consoleLog } from './console-log';
import { runDemoApprovals } from './demo-approvals';
import { type InstallResult, installTemplate } from './install-template';
import { processRoleFromEnv } from './process-role';
import { buildServer } from './server';
import { closeOnStop } from './shutdown';
import { trustedProxiesFromEnv } from './trust-proxy';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const env = process.env;

/**
 * `pnpm start`: an embedded PostgreSQL under ./data unless DATABASE_URL names a server; the
 * demo CRM installed on first start; the URL printed; a clean shutdown on SIGINT/SIGTERM.
 */
/** `app.object.field` of every encrypted field in a live version. */
async function encryptedFieldsInUse(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('meta_apps')
    .innerJoin('meta_versions', (join) => join.onRef('meta_versions.app_id', '=', 'meta_apps.id').onRef('meta_versions.version', '=', 'meta_apps.live_version'))
    .select(['meta_apps.id', 'meta_versions.document'])
    .execute();
  return rows.flatMap((row) =>
    (row.document as AppDocument).objects.flatMap((o) => o.fields.filter((f) => f.encrypted).map((f) => `${row.id}.${o.id}.${f.id}`)),
  );
}

/** TESSERA_BULK_LIMIT: the most records one bulk change may touch; a typo stops the start rather than meaning no guard. */
function bulkLimitFromEnv(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`TESSERA_BULK_LIMIT must be a whole number of records, at least 1 (got "${text}")`);
  return limit;
}

/** The demo team's sign-ins, one line each, with what each person does in the demo. */
function demoSignIns(demo: InstallResult): string {
  const width = Math.max(...demo.people.map((p) => p.email.length));
  const lines = demo.people.map((p) => `  ${p.email.padEnd(width)}  ${p.password}  ${p.name} (${p.roles.join(', ')})`);
  return `\nThe demo CRM's people (approvals are waiting for some of them; shown only this once):\n${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const role = processRoleFromEnv(env.TESSERA_PROCESS, env.DATABASE_URL);
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.TESSERA_DATA_DIR ?? resolve(root, 'data/pglite') });
  const sealedFields = await encryptedFieldsInUse(database);
  if (sealedFields.length && !env.TESSERA_ENCRYPTION_KEY) {
    await database.close();
    throw new Error(`encrypted fields exist (${sealedFields.join(', ')}) but TESSERA_ENCRYPTION_KEY is not set; refusing to start`);
  }
  const app = await buildServer({
    database,
    webRoot: env.TESSERA_WEB_ROOT ?? resolve(root, 'apps/web/dist'),
    ...consoleLog(env, process.stdout.isTTY === true),
    background: role !== 'web',
    metricsToken: env.TESSERA_METRICS_TOKEN || undefined,
    encryptionKey: env.TESSERA_ENCRYPTION_KEY,
    filesDir: env.TESSERA_FILES_DIR ?? resolve(root, 'data/files'),
    bulkLimit: bulkLimitFromEnv(env.TESSERA_BULK_LIMIT),
    backups: backupSettingsFromEnv(env, resolve(root, 'data/backups')),
    trustProxy: trustedProxiesFromEnv(env.TESSERA_TRUST_PROXY),
    flowHttpSecret: env.TESSERA_FLOW_HTTP_SECRET,
    mail: env.TESSERA_SMTP_URL
      ? {
          smtpUrl: env.TESSERA_SMTP_URL,
          from: env.TESSERA_SMTP_FROM ?? 'Tessera <no-reply@localhost>',
          publicUrl: env.TESSERA_PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`,
        }
      : undefined,
  });
  closeOnStop(async (err) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    await app.close();
    await database.close();
    // The last line a person (or a supervisor's log) sees: the stop was a clean one.
    process.stdout.write('Tessera stopped; the database is closed.\n');
  });
  if (role === 'worker') {
    // No port: the jobs, scheduled flows and event delivery start with the server's ready hooks.
    await app.ready();
    app.log.info('Tessera worker running: jobs, scheduled flows and event delivery (no HTTP)');
    return;
  }

  // The administrator first: the demo's team must not count as "someone already signed up".
  const admin = await ensureFirstAdmin(database.db, { email: env.TESSERA_ADMIN_EMAIL ?? 'admin@tessera.local', password: env.TESSERA_ADMIN_PASSWORD });
  let demo: InstallResult | null = null;
  if ((await createMetadataStore(database.db).listApps()).length === 0 && env.TESSERA_SKIP_DEMO !== '1') {
    app.log.info('first start: installing the demo CRM template with its team');
    demo = await installTemplate(database, 'crm', { team: true, records: app.records, hooks: app.publishHooks });
    const approvals = await runDemoApprovals(app.flows, demo.appId, demo.approvals);
    app.log.info({ appId: demo.appId, records: demo.records, people: demo.people.length, approvals }, 'demo CRM installed');
  }

  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  const where = database.kind === 'pglite' ? `embedded PostgreSQL in ${env.TESSERA_DATA_DIR ?? 'data/pglite'}` : 'PostgreSQL from DATABASE_URL';
  process.stdout.write(`\nTessera is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/  (API docs: /docs; data: ${where})\n`);
  if (admin) {
    const shown = env.TESSERA_ADMIN_PASSWORD ? '(the password in TESSERA_ADMIN_PASSWORD)' : admin.password;
    process.stdout.write(`First start: sign in as ${admin.email} with password ${shown}\n(shown only this once; change it after signing in)\n`);
  }
  if (demo && demo.people.length > 0) process.stdout.write(demoSignIns(demo));
  process.stdout.write('\n');
}

main().catch((error: unknown) => {
  // Not a fault in the code but a second start on the same folder: say what to do, no stack.
  if (error instanceof DataDirInUse) {
    process.stderr.write(
      `Tessera failed to start: ${error.message}.\nStop that process first, or give this one a folder of its own (TESSERA_DATA_DIR); several server processes need PostgreSQL (DATABASE_URL, docs/deployment.md).\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`Tessera failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
