import type { Database } from '@tessera/db';
import { sql } from 'kysely';
import type { RoutePlugin } from '../route-schemas';

export const healthRoutes: RoutePlugin<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: {
          200: { type: 'object', properties: { status: { const: 'ok' }, database: { enum: ['postgres', 'pglite'] } }, required: ['status', 'database'] },
        },
      },
    },
    async () => {
      await sql`select 1`.execute(database.db);
      return { status: 'ok' as const, database: database.kind };
    },
  );
};
