import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { Database } from '@tessera/db';
import { type FileStore, sniffImage } from '@tessera/files';
import { type FlowDefinitions, takesPartInApprovals } from '@tessera/flows';
import { IdentityError } from '@tessera/identity';
import type { RecordService } from '@tessera/records';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { policyFor, requireUser } from '../authentication';
import { localeOf, problem, sendProblem } from '../problem';
import { appParams, identifier, type RoutePlugin, uuid } from '../route-schemas';
import { approvalViewer } from './flow-viewer';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
const tags = ['files'];
/** An uploaded file as attachment and image values hold it. */
const uploaded = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    size: { type: 'integer', description: 'Bytes' },
    mime: { type: 'string', description: 'An image type read from its bytes, else the declared type' },
  },
  required: ['id', 'name', 'size', 'mime'],
  additionalProperties: false,
} as const;

/** `report.pdf` → `attachment; filename*=UTF-8''report.pdf`, safe for any name (中文 included). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  return `${kind}; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Uploads and downloads of attachments and images. A download is always asked through a record:
 * the record must be readable by the caller and the file must be in one of its visible fields,
 * so file ids cannot be guessed into someone else's documents.
 */
export const fileRoutes: RoutePlugin<{ database: Database; records: RecordService; store: FileStore; definitions: FlowDefinitions }> = async (
  app,
  { database, records, store, definitions },
) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0 } });
  const mayViewApproval = approvalViewer(database, records, definitions);

  /** Sends a stored file: images inline, anything else as a download, never sniffed by the browser. */
  const sendFile = (reply: FastifyReply, file: { id: string; name: string; mime: string; size: number | string }) =>
    reply
      .header('content-type', file.mime)
      .header('content-length', file.size)
      .header('content-disposition', disposition(file.mime.startsWith('image/') ? 'inline' : 'attachment', file.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .send(store.open(file.id));

  app.post(
    '/api/apps/:appId/files',
    {
      schema: {
        tags,
        summary: 'Upload one file (multipart/form-data); use the answer as an attachment or image value',
        params: appParams,
        consumes: ['multipart/form-data'],
        response: { 201: uploaded },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      // Someone asked to approve one of the app's records may attach files to what they say, role or not.
      const member = user.isAdmin || user.roles[request.params.appId]?.length || (await takesPartInApprovals(database.db, request.params.appId, user.userId));
      if (!member) throw new IdentityError('auth.admin_required');
      const part = await request.file();
      if (!part) return sendProblem(reply, problem(localeOf(request), 400, 'request.invalid', { count: 1 }));
      const content = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') return null;
        throw error;
      });
      if (!content) return sendProblem(reply, problem(localeOf(request), 413, 'request.too_large', { limit: MAX_FILE_BYTES }));
      const fileId = randomUUID();
      const declared = /^[\w.+-]+\/[\w.+-]+$/.test(part.mimetype) ? part.mimetype : 'application/octet-stream';
      // An image is what its bytes say; anything else keeps its declared type but is never served inline.
      const mime = sniffImage(content) ?? (declared.startsWith('image/') ? 'application/octet-stream' : declared);
      const name = part.filename.slice(0, 255) || 'file';
      const { size, sha256 } = await store.put(fileId, Readable.from(content));
      await database.db.insertInto('files').values({ id: fileId, app_id: request.params.appId, name, mime, size, sha256, created_by: user.userId }).execute();
      return reply.status(201).send({ id: fileId, name, size, mime });
    },
  );

  app.get(
    '/api/apps/:appId/objects/:objectId/records/:recordId/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a file of a record you may read',
        params: {
          type: 'object',
          properties: { appId: identifier, objectId: identifier, recordId: uuid, fileId: uuid },
          required: ['appId', 'objectId', 'recordId', 'fileId'],
        },
        response: {
          // Streamed as stored, under the type it was stored with: any media type, never serialized.
          200: { description: 'The file: images inline, anything else as an attachment', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
        },
      },
    },
    async (request, reply) => {
      const { appId, objectId, recordId, fileId } = request.params;
      const record = await records.get(appId, objectId, policyFor(request, appId), recordId);
      const referenced = Object.values(record).some((value) => Array.isArray(value) && value.some((ref: { id?: unknown }) => ref?.id === fileId));
      const file = referenced
        ? await database.db.selectFrom('files').selectAll().where('id', '=', fileId).where('app_id', '=', appId).executeTakeFirst()
        : undefined;
      if (!file) return sendProblem(reply, problem(localeOf(request), 404, 'record.not_found'));
      return sendFile(reply, file);
    },
  );

  app.get(
    '/api/flows/instances/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a file attached to an approval you may see',
        params: { type: 'object', properties: { id: uuid, fileId: uuid }, required: ['id', 'fileId'] },
        response: {
          200: { description: 'The file: images inline, anything else as an attachment', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
        },
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      await mayViewApproval(request, id);
      // Only a file someone attached to this approval's history: ids cannot be guessed into other documents.
      const { rows } = await sql<{ id: string; name: string; mime: string; size: string }>`select f.id, f.name, f.mime, f.size from files f
        where f.id = ${fileId} and exists (select 1 from flow_history h where h.instance_id = ${id}
          and h.detail -> 'attachments' @> ${JSON.stringify([{ id: fileId }])}::jsonb)`.execute(database.db);
      const file = rows[0];
      if (!file) return sendProblem(reply, problem(localeOf(request), 404, 'flow.not_found', { instance: id }));
      return sendFile(reply, file);
    },
  );
};
