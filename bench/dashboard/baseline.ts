import type pg from 'pg';

/** The year shown and the year before, as instants: local midnights of Asia/Shanghai (UTC+8). */
const YEAR = ['2025-12-31T16:00:00Z', '2026-12-31T16:00:00Z'];
const YEAR_BEFORE = ['2024-12-31T16:00:00Z', '2025-12-31T16:00:00Z'];
const OPEN = ['lead', 'qualified', 'proposal', 'negotiation'];

/**
 * The dashboard's statements as a person would write them by hand for one manager: the same
 * rows (their department tree), the same groups and names, the same order and top 10.
 */
export function baselineQueries(tree: readonly string[]): Array<{ id: string; text: string; values: unknown[] }> {
  const scope = 'o.deleted_at is null and o.department_id = any($1::uuid[])';
  const opp = 'app_bench_dash.opportunity o';
  return [
    {
      id: 'funnel',
      text: `select o.stage, count(*) from ${opp} where ${scope} and o.stage = any($2::text[]) group by 1
        order by array_position(array['lead','qualified','proposal','negotiation','won','lost'], o.stage)`,
      values: [tree, OPEN],
    },
    {
      id: 'revenue_by_month',
      text: `select to_char(date_trunc('month', o.closed_at, 'Asia/Shanghai') at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as month, sum(o.amount)
        from ${opp} where ${scope} and o.stage = 'won' and o.closed_at >= $2 and o.closed_at < $3 group by 1 order by 1`,
      values: [tree, ...YEAR],
    },
    {
      id: 'win_rate',
      text: `select g.*, u.name, case when g.won + g.lost = 0 then 0 else g.won::numeric / (g.won + g.lost) end as rate from (
          select o.owner_id, count(*) filter (where o.stage = 'won') as won, count(*) filter (where o.stage = 'lost') as lost
          from ${opp} where ${scope} and o.stage in ('won', 'lost') and o.closed_at >= $2 and o.closed_at < $3 group by 1) g
        left join users u on u.id = g.owner_id order by u.name`,
      values: [tree, ...YEAR],
    },
    {
      id: 'cycle',
      text: `select avg(o.cycle_days) from ${opp} where ${scope} and o.stage = 'won' and o.closed_at >= $2 and o.closed_at < $3`,
      values: [tree, ...YEAR],
    },
    {
      id: 'pipeline',
      text: `select g.*, d.name from (select o.department_id, sum(o.amount) as amount from ${opp} where ${scope} and o.stage = any($2::text[]) group by 1) g
        left join departments d on d.id = g.department_id order by d.name`,
      values: [tree, OPEN],
    },
    {
      id: 'top10',
      text: `select g.*, u.name from (select o.owner_id, sum(o.amount) as revenue from ${opp}
          where ${scope} and o.stage = 'won' and o.closed_at >= $2 and o.closed_at < $3 group by 1 order by 2 desc limit 10) g
        left join users u on u.id = g.owner_id order by g.revenue desc`,
      values: [tree, ...YEAR],
    },
    {
      id: 'completeness',
      text: `select count(*) as customers, count(*) filter (where c.phone is not null and c.phone <> '' and c.email is not null and c.email <> ''
          and c.industry is not null and c.industry <> '') as complete
        from app_bench_dash.customer c where c.deleted_at is null and c.department_id = any($1::uuid[])`,
      values: [tree],
    },
    {
      id: 'target',
      text: `select sum(o.amount) from ${opp} where ${scope} and o.stage = 'won' and o.closed_at >= $2 and o.closed_at < $3`,
      values: [tree, ...YEAR],
    },
    {
      id: 'target_before',
      text: `select sum(o.amount) from ${opp} where ${scope} and o.stage = 'won' and o.closed_at >= $2 and o.closed_at < $3`,
      values: [tree, ...YEAR_BEFORE],
    },
  ];
}

/** Runs them as the dashboard does: all at once, each on a connection of the pool. */
export async function runBaseline(pool: pg.Pool, tree: readonly string[]): Promise<Record<string, unknown[][]>> {
  const results = await Promise.all(
    baselineQueries(tree).map(async (q) => [q.id, (await pool.query({ text: q.text, values: q.values, rowMode: 'array' })).rows] as const),
  );
  return Object.fromEntries(results);
}
