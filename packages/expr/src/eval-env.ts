import type { SourceRange } from './ast';
import { ExprFailure, exprError } from './errors';
import type { ExprValue } from './values';

/** What the caller injects, so an evaluation is deterministic: the clock, the zone and the user. */
export interface EvalContext {
  /** The instant NOW() returns; TODAY() is its date in `timeZone`. */
  readonly now: Date | string | number;
  /** IANA name, e.g. `Asia/Shanghai`; used for TODAY(), YEAR(datetime), TEXT(datetime) … */
  readonly timeZone: string;
  readonly currentUser?: string | null;
  /** The department CURRENTDEPARTMENT() returns (the user's own, for a default such as a visit's department). */
  readonly currentDepartment?: string | null;
  readonly maxSteps?: number;
  readonly maxStringLength?: number;
}

export const DEFAULT_MAX_STEPS = 100_000;
export const DEFAULT_MAX_STRING_LENGTH = 100_000;

/** A record as stored: field id → value; child_table/relation fields hold arrays of such records. */
export type EvalRecord = Readonly<Record<string, unknown>>;

export interface Env {
  readonly record: EvalRecord;
  readonly nowMs: number;
  readonly today: number;
  readonly timeZone: string;
  readonly currentUser: string | null;
  readonly currentDepartment: string | null;
  readonly maxSteps: number;
  readonly maxStringLength: number;
  steps: number;
}

export type Compiled = (env: Env) => ExprValue;

export function step(env: Env, range: SourceRange, count = 1): void {
  env.steps += count;
  if (env.steps > env.maxSteps) throw new ExprFailure(exprError('expr.step_limit', range, { max: env.maxSteps }));
}

export function checkLength(env: Env, text: string, range: SourceRange): string {
  if (text.length > env.maxStringLength) {
    throw new ExprFailure(exprError('expr.string_too_long', range, { max: env.maxStringLength }));
  }
  return text;
}

/** Own properties only: a field id such as `constructor` must never reach Object.prototype. */
export function readOwn(record: EvalRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
