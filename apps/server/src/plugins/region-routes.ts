import { REGION_ROOT, storableRegionChildren } from '@tessera/formats';
import type { RoutePlugin } from '../route-schemas';

/**
 * GB/T 2260 administrative regions, one level at a time, for the province → city → district picker:
 * only the six-digit codes a region field can store. The table's nine-digit towns under the cities
 * without districts (东莞市, 中山市, 儋州市) are left out, so 东莞市 answers `[]` and is picked itself.
 * The filter is `storableRegionChildren` of @tessera/formats, next to the value check it agrees with;
 * `regionChildren` stays the whole table, which `regionArea` needs to know what lies in a region.
 */
export const regionRoutes: RoutePlugin = async (app) => {
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['reference'],
        summary: 'Regions a region field can store under a parent code (default 86: the provinces)',
        querystring: { type: 'object', properties: { parent: { type: 'string', pattern: '^\\d{2,6}$' } }, additionalProperties: false },
        response: {
          200: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } }, required: ['code', 'name'] } },
        },
      },
    },
    async (request) => storableRegionChildren(request.query.parent ?? REGION_ROOT),
  );
};
