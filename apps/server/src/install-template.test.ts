import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTemplate } from './install-template';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('installTemplate', () => {
  it('publishes the CRM and loads its sample records through the records API, quote lines under their quotes', async () => {
    const result = await installTemplate(database, 'crm', { seed: 7, scale: 0.2 });
    expect(result).toMatchObject({ appId: 'crm', version: 1 });
    const count = async (table: string) =>
      Number((await sql<{ n: string }>`select count(*) as n from ${sql.id('app_crm', table)}`.execute(database.db)).rows[0]?.n);
    expect(await count('customer')).toBe(40);
    expect(await count('opportunity')).toBe(80);
    expect(await count('quote_line')).toBeGreaterThanOrEqual(2 * (await count('quote')));
    const history = Number(
      (await sql<{ n: string }>`select count(*) as n from record_history where app_id = 'crm' and operation = 'create'`.execute(database.db)).rows[0]?.n,
    );
    expect(history).toBe(result.records);
    const { rows } = await sql<{ number: string }>`select number from app_crm.quote order by number limit 1`.execute(database.db);
    expect(rows[0]?.number).toMatch(/\d+$/);
  });

  it('computes quote amounts by the template’s formulas: a line is quantity × unit price, the total their sum less the discount (a percentage)', async () => {
    const { rows } = await sql<{ quotes: string; discounted: string; wrong_lines: string; wrong_totals: string }>`
      with sums as (
        select q.id, q.total, q.discount, sum(l.line_amount) as lines_sum,
               count(*) filter (where l.line_amount is distinct from round(l.quantity * l.unit_price, 2)) as wrong_lines
        from app_crm.quote q join app_crm.quote_line l on l.parent_id = q.id
        group by q.id, q.total, q.discount
      )
      select count(*) as quotes,
             count(*) filter (where discount > 0) as discounted,
             sum(wrong_lines) as wrong_lines,
             count(*) filter (where total is distinct from round(lines_sum * (1 - coalesce(discount, 0) / 100), 2)) as wrong_totals
      from sums`.execute(database.db);
    const summary = rows[0]!;
    expect(Number(summary.quotes)).toBeGreaterThan(0);
    expect(Number(summary.discounted)).toBeGreaterThan(0);
    expect(Number(summary.wrong_lines)).toBe(0);
    expect(Number(summary.wrong_totals)).toBe(0);
  });

  it('refuses an unknown template', async () => {
    await expect(installTemplate(database, 'nope')).rejects.toThrow(/unknown template/);
  });
});
