import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { FastifyInstance } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { type InstallResult, installTemplate } from './install-template';
import { buildServer } from './server';
import { adminHeaders, signInHeaders } from './test-session';

/** Test-only: who looks at the demo — its two reps, their manager, the administrator. */
export type DemoViewer = 'chen.jing' | 'li.qiang' | 'wang.lei' | 'admin';

export interface DemoServer {
  database: TestDatabase;
  app: FastifyInstance;
  demo: InstallResult;
  headers(who: DemoViewer): Promise<Record<string, string>>;
  /** The viewer's rows of a demo table aliased `alias`, written out by hand rather than taken from the access package. */
  scope(who: DemoViewer, alias: string): RawBuilder<unknown>;
}

/**
 * Test-only: the demo CRM installed with its team (seed 11) in a database of its own behind a
 * running server, the administrator created first (ensureFirstAdmin creates one only while there
 * are no users yet), dropped after the file's tests. Read its fields inside tests. A smaller
 * `scale` (sample records) installs faster where a test needs the app and its people, not volume.
 */
export function useDemoServer(options: { scale?: number } = {}): DemoServer {
  const server = {} as DemoServer;
  const person = (key: string) => server.demo.people.find((p) => p.key === key)!;
  server.headers = (who) => (who === 'admin' ? adminHeaders(server.app, server.database) : signInHeaders(server.app, person(who).email, person(who).password));
  server.scope = (who, alias) => {
    if (who === 'chen.jing' || who === 'li.qiang') return sql`${sql.ref(`${alias}.owner_id`)} = (select id from users where email = ${person(who).email})`;
    if (who === 'wang.lei')
      return sql`${sql.ref(`${alias}.department_id`)} in (with recursive tree as (select id from departments where name = '华东销售部'
        union all select d.id from departments d join tree on d.parent_id = tree.id) select id from tree)`;
    return sql`true`;
  };
  beforeAll(async () => {
    server.database = await createTestDatabase();
    server.app = await buildServer({ database: server.database });
    await adminHeaders(server.app, server.database);
    server.demo = await installTemplate(server.database, 'crm', { seed: 11, scale: options.scale ?? 1, team: true, records: server.app.records });
    await server.app.ready();
    await server.app.events.drain();
  }, 240_000);
  afterAll(async () => {
    await server.app?.close();
    await server.database?.drop();
  });
  return server;
}
