import { type Expression, type RawBuilder, sql } from 'kysely';
import type { AggregateNode, CallNode, ExprNode } from './ast';
import { formatDate, localDays } from './dates';
import { type ExprError, ExprFailure, exprError } from './errors';
import type { EvalContext } from './eval-env';
import { SQL_LOGIC_AND_MATH, type SqlFunction } from './sql-functions-logic';
import { SQL_TEXT_AND_DATE } from './sql-functions-text-date';
import { divide, type Sql, type SqlEnv } from './sql-helpers';
import { compileBinarySql } from './sql-operators';
import type { CheckedFormula } from './typecheck';
import { type ExprType, isNumeric } from './types';

/** Where the rows of a child table / related records live, for `SUM(lines.amount)`. */
export interface SqlRelation {
  /** Table of the rows, e.g. `obj_quote_line` (may be schema-qualified). */
  readonly table: string;
  /** Column of that table pointing at the parent record. */
  readonly parentKey: string;
  /** The parent record's id in the outer query, e.g. `sql.ref('q.id')`. */
  readonly parentId: Expression<unknown>;
  /** Column of a field of the rows; defaults to the field id. */
  readonly column?: (fieldId: string) => string;
  /** Further condition on the rows (e.g. not in the recycle bin), given their alias. */
  readonly filter?: (rowsAlias: string) => Expression<unknown>;
}

export interface SqlCompileOptions {
  /** The column (or any expression) holding a field of the formula's object. */
  readonly column: (fieldId: string) => Expression<unknown>;
  readonly relation?: (relationFieldId: string) => SqlRelation | undefined;
  /** The same clock, zone and user the JS evaluator would get; all become parameters. */
  readonly context: Pick<EvalContext, 'now' | 'timeZone' | 'currentUser' | 'currentDepartment'>;
}

/** A RawBuilder is an Expression, and can be aliased with `.as(name)` in a select. */
export type SqlCompileResult = { ok: true; sql: RawBuilder<unknown> } | { ok: false; error: ExprError };

const FUNCTIONS = new Map<string, SqlFunction>([...SQL_LOGIC_AND_MATH, ...SQL_TEXT_AND_DATE]);

class SqlCompiler {
  constructor(
    private readonly formula: CheckedFormula,
    private readonly options: SqlCompileOptions,
    private readonly env: SqlEnv,
  ) {}

  private typeOf(node: ExprNode): ExprType {
    const type = this.formula.types.get(node);
    if (!type) throw new ExprFailure(exprError('expr.eval_failed', node.range, { reason: 'untyped node' }));
    return type;
  }

  compile(node: ExprNode): Sql {
    switch (node.kind) {
      case 'number':
        return sql`cast(${node.value} as numeric)`;
      case 'text':
        return sql`cast(${node.value} as text)`;
      case 'boolean':
        return sql`cast(${node.value} as boolean)`;
      case 'field':
        return sql`${this.options.column(node.name)}`;
      case 'unary':
        return node.op === '-' ? sql`(- ${this.compile(node.operand)})` : this.compile(node.operand);
      case 'binary':
        return compileBinarySql(node, this.compile(node.left), this.compile(node.right), this.typeOf(node.left), this.typeOf(node.right), this.env);
      case 'call':
        return this.compileCall(node);
      case 'aggregate':
        return this.compileAggregate(node);
    }
  }

  private compileCall(node: CallNode): Sql {
    const fn = FUNCTIONS.get(node.name);
    if (!fn) throw new ExprFailure(exprError('expr.unknown_function', node.nameRange, { name: node.name }));
    return fn(
      node.args.map((arg) => this.compile(arg)),
      node.args.map((arg) => this.typeOf(arg)),
      node,
      this.env,
    );
  }

  /** A correlated subquery over the child rows; identifiers come from metadata, never from the formula text. */
  private compileAggregate(node: AggregateNode): Sql {
    const relation = this.options.relation?.(node.relation);
    if (!relation) throw new ExprFailure(exprError('expr.not_a_relation', node.range, { name: node.relation }));
    const extra = relation.filter ? sql` and ${relation.filter('expr_rows')}` : sql``;
    const rows = sql`from ${sql.table(relation.table)} as expr_rows where ${sql.ref(`expr_rows.${relation.parentKey}`)} = ${relation.parentId}${extra}`;
    if (node.field === null) return sql`(select count(*)::numeric ${rows})`;
    const column = sql.ref(`expr_rows.${relation.column ? relation.column(node.field) : node.field}`);
    switch (node.fn) {
      case 'SUM':
        return sql`(select coalesce(sum(${column}), 0) ${rows})`;
      case 'AVERAGE':
        return sql`(select ${divide(sql`sum(${column})`, sql`count(${column})`)} ${rows})`;
      case 'MIN':
        return sql`(select min(${column}) ${rows})`;
      case 'MAX':
        return sql`(select max(${column}) ${rows})`;
      case 'COUNT':
        return sql`(select count(${column})::numeric ${rows})`;
    }
  }
}

function sqlEnv(context: SqlCompileOptions['context']): SqlEnv {
  const nowMs = context.now instanceof Date ? context.now.getTime() : typeof context.now === 'number' ? context.now : Date.parse(context.now);
  return {
    now: new Date(nowMs).toISOString(),
    today: formatDate(localDays(nowMs, context.timeZone)),
    timeZone: context.timeZone,
    currentUser: context.currentUser ?? null,
    currentDepartment: context.currentDepartment ?? null,
  };
}

/**
 * Compiles a typechecked formula to one parameterised Kysely expression with the same results
 * as the JS evaluator. Literals, the clock, the zone and the user are parameters; identifiers
 * come only from the resolvers.
 */
export function compileToSql(formula: CheckedFormula, options: SqlCompileOptions): SqlCompileResult {
  try {
    const compiled = new SqlCompiler(formula, options, sqlEnv(options.context)).compile(formula.ast);
    // numeric keeps the scale of its inputs (round(x, 10) is 64.0000000000, 1.50 * 2 is 3.00) while
    // decimal.js prints 64 and 3: one trim at the top makes the results equal as text, not only as numbers.
    return { ok: true, sql: isNumeric(formula.type) ? sql`trim_scale(${compiled})` : compiled };
  } catch (caught) {
    if (caught instanceof ExprFailure) return { ok: false, error: caught.error };
    const reason = caught instanceof Error ? caught.message.slice(0, 200) : 'unknown';
    return { ok: false, error: exprError('expr.eval_failed', formula.ast.range, { reason }) };
  }
}
