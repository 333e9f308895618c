import type { FastifyPluginAsync } from 'fastify';
import { REGION_ROOT, regionChildren } from '@tessera/formats';

/** GB/T 2260 administrative regions, one level at a time, for the province → city → district picker. */
export const regionRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { parent?: string } }>('/api/regions', {
    schema: {
      tags: ['reference'],
      summary: 'Regions under a parent code (default 86: the provinces)',
      querystring: { type: 'object', properties: { parent: { type: 'string', pattern: '^\\d{2,6}$' } }, additionalProperties: false },
      response: { 200: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } }, required: ['code', 'name'] } } },
    },
  }, async (request) => regionChildren(request.query.parent ?? REGION_ROOT));
};
