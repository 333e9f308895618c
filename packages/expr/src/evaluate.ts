import type { AggregateNode, CallNode, ExprNode } from './ast';
import { SourceRange } from './ast';
import { localDays } from './dates';
import { type ExprError, ExprFailure, exprError } from './errors';
import type { FunctionCompiler } from './eval-call-site';
import { type Compiled, DEFAULT_MAX_STEPS, DEFAULT_MAX_STRING_LENGTH, type Env, type EvalContext, type EvalRecord, readOwn, step } from './eval-env';
import { DATE_FUNCTIONS } from './eval-functions-date';
import { LOGIC_AND_MATH } from './eval-functions-logic';
import { TEXT_FUNCTIONS } from './eval-functions-text';
import { compileBinary } from './eval-operators';
import type { CheckedFormula } from './typecheck';
import type { ExprType } from './types';
import { Dec, divide, type ExprValue, fromStored } from './values';

export type EvalResult = { ok: true; value: ExprValue } | { ok: false; error: ExprError };

/** A formula compiled once into a tree of closures (no eval, no new Function), run many times. */
export interface CompiledFormula {
  readonly type: ExprType;
  evaluate(record: EvalRecord, context: EvalContext): EvalResult;
}

const FUNCTIONS = new Map<string, FunctionCompiler>([...LOGIC_AND_MATH, ...TEXT_FUNCTIONS, ...DATE_FUNCTIONS]);

class JsCompiler {
  constructor(private readonly formula: CheckedFormula) {}

  typeOf(node: ExprNode): ExprType {
    const type = this.formula.types.get(node);
    if (!type) throw new ExprFailure(exprError('expr.eval_failed', node.range, { reason: 'untyped node' }));
    return type;
  }

  compile(node: ExprNode): Compiled {
    switch (node.kind) {
      case 'number': {
        const value = new Dec(node.value);
        return () => value;
      }
      case 'text':
      case 'boolean': {
        const value = node.value;
        return () => value;
      }
      case 'field': {
        const { name } = node;
        const type = this.typeOf(node);
        return (env) => fromStored(readOwn(env.record, name), type);
      }
      case 'unary': {
        const operand = this.compile(node.operand);
        if (node.op === '+') return operand;
        return (env) => {
          step(env, node.range);
          const value = operand(env);
          return value === null ? null : (value as Dec).neg();
        };
      }
      case 'binary':
        return compileBinary(node, this.compile(node.left), this.compile(node.right), this.typeOf(node.left), this.typeOf(node.right));
      case 'call':
        return this.compileCall(node);
      case 'aggregate':
        return this.compileAggregate(node);
    }
  }

  private compileCall(node: CallNode): Compiled {
    const compiler = FUNCTIONS.get(node.name);
    if (!compiler) throw new ExprFailure(exprError('expr.unknown_function', node.nameRange, { name: node.name }));
    return compiler({ node, args: node.args.map((arg) => this.compile(arg)), types: node.args.map((arg) => this.typeOf(arg)) });
  }

  /** Child rows arrive as an array of records under the relation's field id. */
  private compileAggregate(node: AggregateNode): Compiled {
    const { relation, field, fn } = node;
    const memberType = field === null ? 'number' : (this.formula.memberTypes.get(`${relation}.${field}`) ?? 'number');
    return (env) => {
      const rows = readOwn(env.record, relation);
      const list: readonly unknown[] = Array.isArray(rows) ? rows : [];
      step(env, node.range, list.length + 1);
      if (field === null) return new Dec(list.length);
      const values: ExprValue[] = [];
      for (const row of list) {
        const value = row !== null && typeof row === 'object' ? fromStored(readOwn(row as EvalRecord, field), memberType) : null;
        if (value !== null) values.push(value);
      }
      return aggregate(fn, values as Dec[]);
    };
  }
}

/** Blanks are skipped, as SQL aggregates do; SUM of nothing is 0, AVERAGE/MIN/MAX of nothing blank. */
function aggregate(fn: AggregateNode['fn'], values: Dec[]): ExprValue {
  const total = (): Dec => values.reduce((a, b) => a.plus(b), new Dec(0));
  switch (fn) {
    case 'COUNT':
      return new Dec(values.length);
    case 'SUM':
      return total();
    case 'AVERAGE':
      return values.length === 0 ? null : divide(total(), new Dec(values.length));
    case 'MIN':
      return values.reduce<Dec | null>((m, v) => (m === null || v.lt(m) ? v : m), null);
    case 'MAX':
      return values.reduce<Dec | null>((m, v) => (m === null || v.gt(m) ? v : m), null);
  }
}

// TODAY() needs Intl (slow); a record loop runs with one clock, so remember the last answer.
let lastToday = { nowMs: Number.NaN, timeZone: '', days: 0 };

function todayOf(nowMs: number, timeZone: string): number {
  if (lastToday.nowMs !== nowMs || lastToday.timeZone !== timeZone) lastToday = { nowMs, timeZone, days: localDays(nowMs, timeZone) };
  return lastToday.days;
}

function makeEnv(record: EvalRecord, context: EvalContext): Env {
  const nowMs = context.now instanceof Date ? context.now.getTime() : typeof context.now === 'number' ? context.now : Date.parse(context.now);
  return {
    record,
    nowMs,
    today: todayOf(nowMs, context.timeZone),
    timeZone: context.timeZone,
    currentUser: context.currentUser ?? null,
    currentDepartment: context.currentDepartment ?? null,
    maxSteps: context.maxSteps ?? DEFAULT_MAX_STEPS,
    maxStringLength: context.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH,
    steps: 0,
  };
}

function failure(caught: unknown, root: ExprNode): EvalResult {
  if (caught instanceof ExprFailure) return { ok: false, error: caught.error };
  // Decimal overflow, an invalid time zone or an exhausted stack: a value, never a crash.
  const reason = caught instanceof Error ? caught.message.slice(0, 200) : 'unknown';
  return { ok: false, error: exprError('expr.eval_failed', SourceRange.create(root.range.start, root.range.end), { reason }) };
}

export function compileFormula(formula: CheckedFormula): CompiledFormula {
  const run = new JsCompiler(formula).compile(formula.ast);
  return {
    type: formula.type,
    evaluate(record, context) {
      try {
        return { ok: true, value: run(makeEnv(record, context)) };
      } catch (caught) {
        return failure(caught, formula.ast);
      }
    },
  };
}

/** Compiles and runs once; for many records, keep the result of compileFormula instead. */
export function evaluate(formula: CheckedFormula, record: EvalRecord, context: EvalContext): EvalResult {
  return compileFormula(formula).evaluate(record, context);
}
