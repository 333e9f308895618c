import type { Database } from '@tessera/db';
import { appendAudit } from '@tessera/identity';
import { type ExportQuery, exportRecords } from '@tessera/importer';
import type { LiveAppCache, RecordService } from '@tessera/records';
import { filterConditionSchema, sortKeySchema } from '@tessera/schemas';
import { policyFor, requireUser } from '../authentication';
import { FLUSH_EACH_PART } from '../compression';
import { localeOf } from '../problem';
import { identifier, objectParams, type RoutePlugin } from '../route-schemas';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/**
 * Export of a list view (its filters, sort and columns) as .xlsx or .csv, streamed as it is read,
 * under the viewer's policy: the role's `export` action, its row scope, hidden fields left out,
 * encrypted fields masked as the list masks them. Each export is a line in the audit log.
 */
export const exportRoutes: RoutePlugin<{ database: Database; records: RecordService; liveApps: LiveAppCache }> = async (
  app,
  { database, records, liveApps },
) => {
  app.post(
    '/api/apps/:appId/objects/:objectId/records/export',
    {
      // Each page reaches the client as it is read, compressed or not (see FLUSH_EACH_PART).
      compress: FLUSH_EACH_PART,
      schema: {
        tags: ['records'],
        summary: 'Download the records a list view shows (filters, sort, columns) as .xlsx or .csv, streamed',
        params: objectParams,
        body: {
          type: 'object',
          properties: {
            format: { type: 'string', enum: ['xlsx', 'csv'] },
            filters: { type: 'array', items: filterConditionSchema, maxItems: 50 },
            sort: { type: 'array', items: sortKeySchema, maxItems: 5 },
            columns: { type: 'array', items: identifier, maxItems: 500, uniqueItems: true },
          },
          required: ['format'],
          additionalProperties: false,
        },
        response: {
          200: {
            description: 'The workbook or CSV file',
            content: {
              [MIME.xlsx]: { schema: { type: 'string', format: 'binary' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { appId, objectId } = request.params;
      const { format, ...view } = request.body;
      const exported = await exportRecords(
        { db: database.db, records, liveApps },
        { appId, objectId, access: policyFor(request, appId), locale: localeOf(request) },
        view as ExportQuery,
        format,
      );
      await appendAudit(database.db, {
        actorId: user.userId,
        action: 'records.export',
        appId,
        objectId,
        ip: request.ip,
        detail: { format, filters: view.filters ?? [], sort: view.sort ?? [], columns: exported.columns.map((c) => c.id) },
      });
      const name = `${objectId}-${new Date().toISOString().slice(0, 10)}.${format}`;
      return reply
        .header('content-type', MIME[format])
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(exported.stream);
    },
  );
};
