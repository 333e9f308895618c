import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { FIELD_IDS } from './visit-app';

/**
 * The physical limit for a form submit: a bare Fastify route doing one parameterized INSERT of
 * the posted row into a plain typed table, on a pg pool of the same size as the server's.
 */
export function buildBaselineServer(pool: pg.Pool): FastifyInstance {
  const app = Fastify({ logger: false });
  const text = `insert into bench_visit (${FIELD_IDS.join(', ')}) values (${FIELD_IDS.map((_, i) => `$${i + 1}`).join(', ')}) returning id`;
  app.post<{ Body: { values: Record<string, unknown> } }>('/visits', async (request, reply) => {
    const values = request.body.values;
    const { rows } = await pool.query<{ id: string }>(
      text,
      FIELD_IDS.map((id) => values[id] ?? null),
    );
    return reply.status(201).send({ id: rows[0]!.id });
  });
  return app;
}

/**
 * Diagnostic routes (`--phases`): bare SQL doing what the record service does, step by step, on
 * the published table: the insert with its history row in one CTE, then also the read-back of
 * the created record. Our rps against these splits the cost into database work and JS layer.
 */
export function addPhaseRoutes(app: FastifyInstance, pool: pg.Pool, table: string): void {
  const changes = FIELD_IDS.map((id) => `jsonb_build_object('field', '${id}'::text, 'old', null, 'new', to_jsonb(ins.${id}))`).join(', ');
  const insertWithHistory = `with ins as (
      insert into ${table} (owner_id, department_id, created_by, updated_by, ${FIELD_IDS.join(', ')})
      values (null, null, null, null, ${FIELD_IDS.map((_, i) => `$${i + 1}`).join(', ')}) returning *
    ), history as (
      insert into public.record_history (app_id, object_id, record_id, record_version, operation, changes, actor_id)
      select 'submit', 'visit', ins.id, ins.version, 'create', jsonb_build_array(${changes}), null from ins
    )
    select id from ins`;
  const columns = ['id', 'version', 'owner_id', 'department_id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', ...FIELD_IDS];
  const readBack = `select ${columns.join(', ')} from ${table} where id = $1 and deleted_at is null and true`;
  const params = (values: Record<string, unknown>) => FIELD_IDS.map((id) => values[id] ?? null);
  app.post<{ Body: { values: Record<string, unknown> } }>('/phases/history', async (request, reply) => {
    const { rows } = await pool.query<{ id: string }>(insertWithHistory, params(request.body.values));
    return reply.status(201).send({ id: rows[0]!.id });
  });
  app.post<{ Body: { values: Record<string, unknown> } }>('/phases/history-read', async (request, reply) => {
    const { rows } = await pool.query<{ id: string }>(insertWithHistory, params(request.body.values));
    const record = await pool.query(readBack, [rows[0]!.id]);
    return reply.status(201).send(record.rows[0]);
  });
}
