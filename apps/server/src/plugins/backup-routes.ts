import { BACKUP_QUEUE, type BackupSettings, listBackups, requestBackup } from '@tessera/backup';
import type { Database } from '@tessera/db';
import { appendAudit } from '@tessera/identity';
import type { JobRunner } from '@tessera/jobs';
import { requireAdmin } from '../authentication';
import { dateTime, nullableString, type RoutePlugin } from '../route-schemas';

const tags = ['admin'];
const nullableCount = { type: ['integer', 'null'] } as const;
const backup = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    createdAt: dateTime,
    tables: { type: 'integer' },
    rows: { type: 'integer' },
    files: { type: 'integer' },
    bytes: { type: 'integer' },
    missingFiles: { type: 'integer', description: 'Uploads gone from the file store when the backup was made' },
  },
  required: ['name', 'createdAt', 'tables', 'rows', 'files', 'bytes', 'missingFiles'],
  additionalProperties: false,
} as const;
const job = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    state: { type: 'string' },
    scheduled: { type: 'boolean' },
    runAt: dateTime,
    error: nullableString,
    result: { type: ['object', 'null'], additionalProperties: true },
  },
  required: ['id', 'state', 'scheduled', 'runAt', 'error', 'result'],
  additionalProperties: false,
} as const;

/** Backups of the workspace: administrators list them and ask for one now (it runs as a job, ADR 0094). */
export const backupRoutes: RoutePlugin<{ database: Database; jobs: JobRunner; settings: BackupSettings }> = async (app, { database, jobs, settings }) => {
  app.addHook('onRequest', async (request) => {
    requireAdmin(request);
  });

  app.get(
    '/api/admin/backups',
    {
      schema: {
        tags,
        summary: 'The complete backups (newest first), the schedule and the latest backup jobs',
        response: {
          200: {
            type: 'object',
            properties: {
              schedule: {
                type: 'object',
                properties: { everyMinutes: nullableCount, keep: { type: 'integer' }, keepDays: nullableCount },
                required: ['everyMinutes', 'keep', 'keepDays'],
                additionalProperties: false,
              },
              backups: { type: 'array', items: backup },
              jobs: { type: 'array', items: job },
            },
            required: ['schedule', 'backups', 'jobs'],
            additionalProperties: false,
          },
        },
      },
    },
    async () => {
      const recent = await database.db
        .selectFrom('jobs')
        .select(['id', 'state', 'payload', 'run_at', 'last_error', 'result'])
        .where('queue', '=', BACKUP_QUEUE)
        .orderBy('id', 'desc')
        .limit(10)
        .execute();
      return {
        schedule: { everyMinutes: settings.everyMinutes, keep: settings.keep, keepDays: settings.keepDays },
        backups: (await listBackups(settings.directory)).map(({ path: _path, ...summary }) => summary),
        jobs: recent.map((row) => ({
          id: String(row.id),
          state: row.state,
          scheduled: (row.payload as { scheduled?: boolean }).scheduled === true,
          runAt: row.run_at.toISOString(),
          error: row.last_error,
          result: row.result as Record<string, unknown> | null,
        })),
      };
    },
  );

  app.post(
    '/api/admin/backups',
    {
      schema: {
        tags,
        summary: 'Back the workspace up now (a job; follow it in the list)',
        response: { 202: { type: 'object', properties: { jobId: { type: 'string' } }, required: ['jobId'], additionalProperties: false } },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const jobId = await requestBackup(database.db, user.userId);
      await appendAudit(database.db, { actorId: user.userId, action: 'backup.request', subject: jobId, detail: {}, ip: request.ip });
      jobs.wake();
      return reply.status(202).send({ jobId });
    },
  );
};
