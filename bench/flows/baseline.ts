import type pg from 'pg';

/** The hand-written floor: the same rows an approval step writes, in one plain transaction per step. */
export const BASELINE_TABLES = `
  create table b_instances (id uuid primary key default gen_random_uuid(), record_id uuid not null, status text not null, state jsonb not null, revision integer not null default 1);
  create unique index b_instances_running on b_instances (record_id) where status = 'running';
  create table b_tasks (id uuid primary key default gen_random_uuid(), instance_id uuid not null, node text not null, assignee uuid not null, status text not null,
    unique (instance_id, node, assignee));
  create table b_history (id bigserial primary key, instance_id uuid not null, at timestamptz not null default now(), actor uuid, kind text not null);
`;

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** Submit: the instance, the first task, the history line. */
export function startByHand(pool: pg.Pool, record: string, initiator: string, manager: string): Promise<string> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(`insert into b_instances (record_id, status, state) values ($1, 'running', $2) returning id`, [
      record,
      JSON.stringify({ node: 'manager', round: 1 }),
    ]);
    const id = rows[0]!.id;
    await client.query(`insert into b_tasks (instance_id, node, assignee, status) values ($1, 'manager', $2, 'pending')`, [id, manager]);
    await client.query(`insert into b_history (instance_id, actor, kind) values ($1, $2, 'started')`, [id, initiator]);
    return id;
  });
}

/** An approval: lock the instance, close the task, open the next one or finish, the history line. */
export function approveByHand(pool: pg.Pool, instance: string, node: 'manager' | 'finance', user: string, finance: string): Promise<void> {
  return inTransaction(pool, async (client) => {
    await client.query(`select state from b_instances where id = $1 for update`, [instance]);
    await client.query(`update b_tasks set status = 'approved' where instance_id = $1 and node = $2 and assignee = $3 and status = 'pending'`, [
      instance,
      node,
      user,
    ]);
    if (node === 'manager')
      await client.query(`insert into b_tasks (instance_id, node, assignee, status) values ($1, 'finance', $2, 'pending')`, [instance, finance]);
    await client.query(`update b_instances set state = $2, status = $3, revision = revision + 1 where id = $1`, [
      instance,
      JSON.stringify({ node: node === 'manager' ? 'finance' : null, round: 1 }),
      node === 'manager' ? 'running' : 'approved',
    ]);
    await client.query(`insert into b_history (instance_id, actor, kind) values ($1, $2, 'approved')`, [instance, user]);
  });
}
