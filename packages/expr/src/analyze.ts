import type { ExprError } from './errors';
import { parse } from './parser';
import { type CheckedFormula, type CheckOptions, check } from './typecheck';

export type AnalyzeResult = { ok: true; formula: CheckedFormula } | { ok: false; errors: readonly ExprError[] };

/** Parse and typecheck in one step: what most callers want. */
export function analyze(source: string, options: CheckOptions): AnalyzeResult {
  const parsed = parse(source);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  return check(parsed.ast, options);
}
