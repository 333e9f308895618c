import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProblem } from './database-problem';

/** PostgreSQL's own refusals, raised for real, as the problems the error handler sends. */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await sql`create table hostile_parent (id int primary key)`.execute(database.db);
  await sql`create table hostile_child (
    id int primary key, parent_id int references hostile_parent (id), amount int not null check (amount >= 0), label text, data jsonb
  )`.execute(database.db);
  await sql`insert into hostile_parent values (1)`.execute(database.db);
  await sql`insert into hostile_child values (1, 1, 5, 'a', null)`.execute(database.db);
});
afterAll(async () => database?.drop());

async function refusal(statement: ReturnType<typeof sql>): Promise<unknown> {
  return statement.execute(database.db).then(
    () => expect.fail('PostgreSQL accepted the statement'),
    (error: unknown) => error,
  );
}

describe('PostgreSQL data and constraint errors as problems', () => {
  it('maps each class to its status, naming the column or key and never the value', async () => {
    const cases: [ReturnType<typeof sql>, number, string, string][] = [
      [sql`insert into hostile_child values (2, 1, 1, ${'a\u0000b'}, null)`, 400, 'database.invalid_value', 'SQLSTATE 22021'],
      [sql`insert into hostile_child values (2, 1, 1, 'x', ${'{"a":"\\ud800"}'}::jsonb)`, 400, 'database.invalid_value', 'SQLSTATE 22P02'],
      [sql`insert into hostile_child values (2, 1, ${'99999999999'}, 'x', null)`, 400, 'database.invalid_value', 'SQLSTATE 22003'],
      [sql`insert into hostile_child values (1, 1, 1, 'x', null)`, 409, 'database.duplicate', '"id"'],
      [sql`insert into hostile_child values (2, 7, 1, 'x', null)`, 404, 'database.missing_reference', 'parent_id'],
      [sql`delete from hostile_parent where id = 1`, 422, 'database.still_referenced', '(id)'],
      [sql`insert into hostile_child (id, parent_id) values (2, 1)`, 422, 'database.required', '"amount"'],
      [sql`insert into hostile_child values (2, 1, -1, 'x', null)`, 422, 'database.rule', 'hostile_child_amount_check'],
    ];
    for (const [statement, status, code, named] of cases) {
      const body = databaseProblem('en', await refusal(statement));
      expect(body, code).toMatchObject({ status, code, errors: [{ code, message: expect.stringContaining(named) }] });
      expect(JSON.stringify(body)).not.toContain('99999999999');
    }
    const duplicate = databaseProblem('zh-CN', await refusal(sql`insert into hostile_child values (1, 1, 1, 'x', null)`));
    expect(duplicate?.errors?.[0]).toMatchObject({ field: 'id', message: '“id”的值已被使用' });
    const required = databaseProblem('en', await refusal(sql`insert into hostile_child (id, parent_id) values (3, 1)`));
    expect(required?.errors?.[0]?.field).toBe('amount');
  });

  it('leaves any other error alone (it stays a 500)', () => {
    expect(databaseProblem('en', new Error('boom'))).toBeNull();
    expect(databaseProblem('en', Object.assign(new Error('gone'), { code: '57P01', severity: 'FATAL' }))).toBeNull();
  });
});
