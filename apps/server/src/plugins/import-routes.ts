import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { AccessPolicy } from '@tessera/access';
import type { Database } from '@tessera/db';
import type { FileStore } from '@tessera/files';
import { translate } from '@tessera/i18n';
import { appendAudit } from '@tessera/identity';
import {
  checkPlan,
  createBatch,
  earlierMappings,
  errorReport,
  type ImportBatch,
  ImportError,
  type ImportPlan,
  inspectFile,
  issueMessage,
  readBatch,
  readErrors,
  runImport,
  saveOutcome,
  tableKindOf,
  undoImport,
} from '@tessera/importer';
import { enqueue } from '@tessera/jobs';
import { type LiveAppCache, RecordError, type RecordService } from '@tessera/records';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { policyFor, requireUser } from '../authentication';
import { IMPORT_QUEUE, type ImportJobPayload } from '../import-job';
import { localeOf, problem, sendProblem } from '../problem';
import { objectParams, type RoutePlugin } from '../route-schemas';
import { dryRunResponse, importParams, planBody, previewBody, previewResponse, statusResponse, undoResponse } from './import-schemas';

/** The largest file an import takes: 50,000 rows of 20 columns is about 5 MB as .xlsx; room for ten times that and more. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const ISSUES_SHOWN = 500;
const tags = ['imports'];

/**
 * The import wizard's API: upload a file (it is stored like any upload, and read again as a stream
 * at each step), preview the sheet and the suggested mapping, dry run, run as a background job,
 * follow its progress, download the error report, undo. Each step needs the role's `import` action
 * on the object; an import is seen only by whoever started it (and administrators).
 */
export const importRoutes: RoutePlugin<{ database: Database; records: RecordService; liveApps: LiveAppCache; store: FileStore }> = async (
  app,
  { database, records, liveApps, store },
) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0 } });
  const base = '/api/apps/:appId/objects/:objectId/imports';

  /** The caller's policy on the app's live version, refused unless it may import into the object. */
  const importer = async (request: FastifyRequest, appId: string, objectId: string) => {
    const live = await liveApps.get(appId, database.db);
    const object = live.objects.get(objectId);
    if (!object || object.parent) throw new RecordError('record.object_not_found', [], { object: objectId });
    const policy: AccessPolicy = policyFor(request, appId)(live.document);
    if (!policy.can('import', object.id)) throw new RecordError('record.forbidden', [], { action: 'import', object: object.id });
    return { object, policy, live };
  };
  const batchOf = async (request: FastifyRequest, params: { appId: string; objectId: string; importId: string }): Promise<ImportBatch> => {
    const user = requireUser(request);
    return readBatch(database.db, { id: params.importId, appId: params.appId, objectId: params.objectId, userId: user.userId, anyone: user.isAdmin });
  };
  const sourceOf = (batch: ImportBatch) => ({ source: () => store.open(batch.fileId), kind: batch.kind });
  const previewOf = async (request: FastifyRequest, batch: ImportBatch, choice: { sheet?: number | undefined; headerRow?: number | undefined }) => {
    const { object, policy } = await importer(request, batch.appId, batch.objectId);
    const remembered = await earlierMappings(database.db, batch.appId, batch.objectId);
    const preview = await inspectFile(sourceOf(batch), object, policy, choice, remembered).catch((error: unknown) => {
      throw new ImportError('import.file_unreadable', { reason: error instanceof Error ? error.message : String(error) });
    });
    return {
      id: batch.id,
      fileName: batch.fileName,
      kind: batch.kind,
      ...preview,
      // The field's data rules come along so the wizard shows each sample as it will be stored.
      fields: preview.fields.map((f) => ({
        id: f.id,
        type: f.type,
        label: f.label as Record<string, string>,
        required: f.required === true,
        ...(f.format ? { format: f.format } : {}),
        ...(f.phoneKind ? { phoneKind: f.phoneKind } : {}),
        ...(f.normalize ? { normalize: f.normalize } : {}),
      })),
      matchRules: preview.matchRules.map((r) => ({
        id: r.id,
        kind: r.kind,
        ...(r.label ? { label: r.label as Record<string, string> } : {}),
        ...(r.fields ? { fields: r.fields } : {}),
        ...(r.nameField ? { nameField: r.nameField } : {}),
        ...(r.contactFields ? { contactFields: r.contactFields } : {}),
      })),
    };
  };

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Upload an .xlsx or .csv file to import (multipart, field `file`): answers the sheets, the header row found and a suggested field per column',
        params: objectParams,
        consumes: ['multipart/form-data'],
        response: { 201: previewResponse },
      },
    },
    async (request, reply) => {
      const { appId, objectId } = request.params;
      const user = requireUser(request);
      await importer(request, appId, objectId);
      const part = await request.file();
      if (!part) return sendProblem(reply, problem(localeOf(request), 400, 'request.invalid', { count: 1 }));
      const kind = tableKindOf(part.filename);
      if (!kind) {
        part.file.resume();
        throw new ImportError('import.file_type');
      }
      const fileId = randomUUID();
      // Streamed to the store as it arrives: a 50 MB workbook is never held in memory.
      const { size, sha256 } = await store.put(fileId, part.file);
      if (part.file.truncated) {
        await store.remove(fileId);
        return sendProblem(reply, problem(localeOf(request), 413, 'request.too_large', { limit: MAX_IMPORT_BYTES }));
      }
      const name = part.filename.slice(0, 255);
      await database.db
        .insertInto('files')
        .values({ id: fileId, app_id: appId, name, mime: part.mimetype.slice(0, 100) || 'application/octet-stream', size, sha256, created_by: user.userId })
        .execute();
      const id = await createBatch(database.db, { appId, objectId, fileId, fileName: name, kind, createdBy: user.userId });
      const batch = await batchOf(request, { appId, objectId, importId: id });
      return reply.status(201).send(await previewOf(request, batch, {}));
    },
  );

  app.post(
    `${base}/:importId/preview`,
    {
      schema: {
        tags,
        summary: 'Preview another sheet or header row of an uploaded file',
        params: importParams,
        body: previewBody,
        response: { 200: previewResponse },
      },
    },
    async (request) => previewOf(request, await batchOf(request, request.params), request.body),
  );

  app.post(
    `${base}/:importId/dry-run`,
    {
      schema: {
        tags,
        summary: 'Check every row as the import would (validation, references, duplicates) and write nothing; the error report then lists every issue',
        params: importParams,
        body: planBody,
        response: { 200: dryRunResponse },
      },
    },
    async (request) => {
      const batch = await batchOf(request, request.params);
      if (batch.status !== 'uploaded' && batch.status !== 'failed') throw new ImportError('import.state', { status: batch.status, action: 'checked' });
      const plan = request.body as ImportPlan;
      const outcome = await runImport(
        { db: database.db, records, liveApps },
        { appId: batch.appId, objectId: batch.objectId, access: policyFor(request, batch.appId) },
        sourceOf(batch),
        plan,
        { dryRun: true, batchId: batch.id },
      );
      await saveOutcome(database.db, batch.id, plan, outcome, true);
      const locale = localeOf(request);
      return {
        counts: outcome.counts,
        issueCount: outcome.issues.length,
        issues: outcome.issues
          .slice(0, ISSUES_SHOWN)
          .map((i) => ({ row: i.row, column: i.column, field: i.field, code: i.code, message: issueMessage(i, locale) })),
      };
    },
  );

  app.post(
    `${base}/:importId/run`,
    {
      schema: {
        tags,
        summary: 'Import the file as a background job (one transaction: all or nothing, or the valid rows); follow it with GET …/imports/:importId',
        params: importParams,
        body: planBody,
        response: { 202: statusResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const batch = await batchOf(request, request.params);
      const { object, policy } = await importer(request, batch.appId, batch.objectId);
      const plan = request.body as ImportPlan;
      // Refused now rather than in the job: a mapping the role may not write, no import action.
      checkPlan(object, policy, plan);
      const principal: ImportJobPayload['principal'] = {
        userId: user.userId,
        departmentId: user.departmentId,
        departmentTree: user.departmentTree,
        roles: user.roles[batch.appId] ?? [],
        isAdmin: user.isAdmin,
      };
      await database.db.transaction().execute(async (tx) => {
        const moved = await tx
          .updateTable('import_batches')
          .set({ status: 'running', plan: JSON.stringify(plan) })
          .where('id', '=', batch.id)
          .where('status', 'in', ['uploaded', 'failed'])
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) throw new ImportError('import.state', { status: batch.status, action: 'run' });
        const payload: ImportJobPayload = { batchId: batch.id, appId: batch.appId, objectId: batch.objectId, principal, plan };
        await enqueue(tx, { queue: IMPORT_QUEUE, payload: payload as unknown as Record<string, unknown>, createdBy: user.userId, maxAttempts: 3 });
        await appendAudit(tx, {
          actorId: user.userId,
          action: 'import.run',
          appId: batch.appId,
          objectId: batch.objectId,
          ip: request.ip,
          detail: { importId: batch.id, file: batch.fileName },
        });
      });
      app.jobs.wake();
      return reply.status(202).send(await statusOf(request, batch.id));
    },
  );

  const statusOf = async (request: FastifyRequest, id: string) => {
    const row = await database.db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const job = await database.db
      .selectFrom('jobs')
      .select(['progress'])
      .where('queue', '=', IMPORT_QUEUE)
      .where(sql<string>`payload->>'batchId'`, '=', id)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const result = (row.result ?? {}) as { counts?: Record<string, number>; committed?: boolean; error?: string; params?: Record<string, string> };
    const errors = (row.errors ?? {}) as { issues?: unknown[] };
    const locale = localeOf(request);
    const progress = job?.progress as { rows?: number } | null | undefined;
    return {
      id: row.id,
      fileName: row.file_name,
      status: row.status,
      counts: (result.counts as never) ?? null,
      committed: result.committed ?? false,
      progress: row.status === 'running' ? { rows: progress?.rows ?? 0 } : null,
      error: result.error ? { code: result.error, message: translate(locale, result.error, result.params ?? {}) } : null,
      issueCount: errors.issues?.length ?? 0,
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      undoneAt: row.undone_at?.toISOString() ?? null,
    };
  };

  app.get(
    `${base}/:importId`,
    {
      schema: { tags, summary: 'Where an import stands: status, progress while it runs, what it did', params: importParams, response: { 200: statusResponse } },
    },
    async (request) => statusOf(request, (await batchOf(request, request.params)).id),
  );

  app.post(
    `${base}/:importId/undo`,
    {
      schema: {
        tags,
        summary: 'Undo a whole import: created records to the recycle bin, updated ones back to their values before it (unless changed since)',
        params: importParams,
        response: { 200: undoResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const batch = await batchOf(request, request.params);
      await importer(request, batch.appId, batch.objectId);
      const result = await undoImport(
        { db: database.db, records },
        { appId: batch.appId, objectId: batch.objectId, access: policyFor(request, batch.appId), batchId: batch.id },
      );
      await appendAudit(database.db, {
        actorId: user.userId,
        action: 'import.undo',
        appId: batch.appId,
        objectId: batch.objectId,
        ip: request.ip,
        detail: { importId: batch.id, ...result },
      });
      return result;
    },
  );

  app.get(
    `${base}/:importId/errors.xlsx`,
    {
      schema: {
        tags,
        summary:
          'The error report of the last dry run or run (.xlsx): row, column, field and reason in the request language, and the refused rows as they were',
        params: importParams,
        querystring: {
          type: 'object',
          properties: { lang: { type: 'string', enum: ['zh-CN', 'en'], description: 'The report language, for a plain link (else Accept-Language)' } },
          additionalProperties: false,
        },
        response: {
          200: {
            description: 'An .xlsx workbook',
            content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    async (request, reply) => {
      const batch = await batchOf(request, request.params);
      const { object } = await importer(request, batch.appId, batch.objectId);
      const locale = request.query.lang ?? localeOf(request);
      const label = (fieldId: string) => {
        const field = object.fields.find((f) => f.id === fieldId);
        return field?.label[locale] ?? field?.label.en ?? field?.label['zh-CN'] ?? fieldId;
      };
      const name = `${batch.fileName.replace(/\.\w+$/, '')}-errors.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(errorReport(await readErrors(database.db, batch.id), locale, label));
    },
  );
};
