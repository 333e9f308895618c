import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { analyze, compileToSql } from './index';
import { RELATED, SAMPLE_FIELDS } from './test-fixtures';

// Compiles without a connection: enough to see the SQL text and its parameters.
const db = new Kysely<Record<string, never>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

function compile(source: string): { sql: string; parameters: readonly unknown[] } {
  const analyzed = analyze(source, { fields: SAMPLE_FIELDS, relatedFields: RELATED });
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.errors));
  const compiled = compileToSql(analyzed.formula, {
    column: (id) => sql.ref(`q.${id}`),
    relation: (id) => (id === 'lines' ? { table: 'obj_quote_line', parentKey: 'quote_id', parentId: sql.ref('q.id') } : undefined),
    context: { now: '2024-03-10T06:30:00Z', timeZone: 'Asia/Shanghai', currentUser: 'u1', currentDepartment: 'd1' },
  });
  if (!compiled.ok) throw new Error(compiled.error.code);
  return sql`select ${compiled.sql}`.compile(db);
}

describe('compileToSql', () => {
  it('passes every literal as a parameter, never as SQL text', () => {
    const hostile = `x'); drop table users; --`;
    const compiled = compile(`IF(name = "${hostile}", amount / 2, 0)`);
    expect(compiled.sql).not.toContain('drop table');
    expect(compiled.parameters).toContain(hostile);
    expect(compiled.sql).toContain('"q"."name"');
  });

  it('puts the clock, the time zone and the user in parameters', () => {
    const compiled = compile('TEXT(NOW()) & TODAY() & CURRENTUSER() & CURRENTDEPARTMENT()');
    expect(compiled.sql).not.toMatch(/current_date|now\(\)/i);
    expect(compiled.parameters).toEqual(expect.arrayContaining(['2024-03-10T06:30:00.000Z', '2024-03-10', 'Asia/Shanghai', 'u1', 'd1']));
  });

  it('compiles child-table aggregates to correlated subqueries', () => {
    const compiled = compile('SUM(lines.amount) + COUNT(lines)');
    expect(compiled.sql).toContain('from "obj_quote_line" as expr_rows where "expr_rows"."quote_id" = "q"."id"');
    expect(compiled.sql).toContain('coalesce(sum("expr_rows"."amount"), 0)');
  });

  it('returns an error value when no relation resolver knows the child table', () => {
    const analyzed = analyze('COUNT(lines)', { fields: SAMPLE_FIELDS, relatedFields: RELATED });
    if (!analyzed.ok) throw new Error('analyze failed');
    const compiled = compileToSql(analyzed.formula, { column: (id) => sql.ref(id), context: { now: 0, timeZone: 'UTC' } });
    expect(!compiled.ok && compiled.error.code).toBe('expr.not_a_relation');
  });
});
