import type { FieldDefinition } from '@tessera/schemas';
import { analyze } from './analyze';
import { type ExprNode, SourceRange, walk } from './ast';
import { type ExprError, exprError } from './errors';
import type { CheckedFormula, CheckOptions } from './typecheck';

export interface FormulaDependencies {
  /** Field ids of the formula's own object it reads, in first-use order. */
  readonly fields: readonly string[];
  /** Fields read through relations and child tables; `field` null for `COUNT(visits)`. */
  readonly related: readonly { readonly relation: string; readonly field: string | null }[];
}

/** Which fields a typechecked formula reads (field ids, not labels). */
export function dependenciesOf(formula: CheckedFormula): FormulaDependencies {
  const fields: string[] = [];
  const related: { relation: string; field: string | null }[] = [];
  walk(formula.ast, (node) => {
    if (node.kind === 'field' && !fields.includes(node.name)) fields.push(node.name);
    if (node.kind === 'aggregate') {
      if (!fields.includes(node.relation)) fields.push(node.relation);
      if (!related.some((r) => r.relation === node.relation && r.field === node.field)) related.push({ relation: node.relation, field: node.field });
    }
  });
  return { fields, related };
}

export interface ComputedFieldReport {
  /** Formula fields in an order where each comes after the formula fields it reads. */
  readonly order: readonly string[];
  readonly errors: readonly { readonly fieldId: string; readonly error: ExprError }[];
}

function referenceRange(ast: ExprNode, fieldId: string): SourceRange {
  let found: SourceRange | null = null;
  walk(ast, (node) => {
    if (!found && ((node.kind === 'field' && node.name === fieldId) || (node.kind === 'aggregate' && node.relation === fieldId))) found = node.range;
  });
  return found ?? SourceRange.create(ast.range.start, ast.range.end);
}

/** Depth-first search without recursion; returns the first cycle through `start`, if any. */
function cycleFrom(start: string, edges: ReadonlyMap<string, readonly string[]>, done: Set<string>): string[] | null {
  const path: string[] = [];
  const onPath = new Set<string>();
  const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
  path.push(start);
  onPath.add(start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { id: string; next: number };
    const targets = edges.get(top.id) ?? [];
    if (top.next >= targets.length) {
      stack.pop();
      path.pop();
      onPath.delete(top.id);
      done.add(top.id);
      continue;
    }
    const target = targets[top.next++] as string;
    if (onPath.has(target)) return [...path.slice(path.indexOf(target)), target];
    if (done.has(target) || !edges.has(target)) continue;
    stack.push({ id: target, next: 0 });
    path.push(target);
    onPath.add(target);
  }
  return null;
}

/**
 * Typechecks every formula field of an object and finds cycles between them
 * (`a` reads `b` reads `a`), reporting each with the range of the offending reference.
 */
export function checkComputedFields(fields: readonly FieldDefinition[], relatedFields?: CheckOptions['relatedFields']): ComputedFieldReport {
  const errors: { fieldId: string; error: ExprError }[] = [];
  const edges = new Map<string, string[]>();
  const asts = new Map<string, ExprNode>();
  const formulaIds = new Set(fields.filter((f) => f.type === 'formula').map((f) => f.id));
  for (const field of fields) {
    if (field.type !== 'formula' || !field.formula) continue;
    const result = analyze(field.formula, { fields, ...(relatedFields ? { relatedFields } : {}) });
    if (!result.ok) {
      for (const error of result.errors) errors.push({ fieldId: field.id, error });
      edges.set(field.id, []);
      continue;
    }
    asts.set(field.id, result.formula.ast);
    edges.set(
      field.id,
      dependenciesOf(result.formula).fields.filter((id) => formulaIds.has(id)),
    );
  }
  const done = new Set<string>();
  const inCycle = new Set<string>();
  for (const id of edges.keys()) {
    if (done.has(id)) continue;
    const cycle = cycleFrom(id, edges, done);
    if (!cycle) continue;
    const [first = id, second = id] = cycle;
    // Members count as done, so the same cycle is not reported again from another start.
    cycle.forEach((member) => {
      inCycle.add(member);
      done.add(member);
    });
    const ast = asts.get(first);
    const range = ast ? referenceRange(ast, second) : SourceRange.create(0, 0);
    errors.push({ fieldId: first, error: exprError('expr.cycle', range, { path: cycle.join(' → ') }) });
  }
  return { order: topologicalOrder(edges, inCycle), errors };
}

function topologicalOrder(edges: ReadonlyMap<string, readonly string[]>, skip: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const [id, targets] of edges) {
      if (placed.has(id) || skip.has(id)) continue;
      if (targets.every((t) => placed.has(t) || !edges.has(t))) {
        order.push(id);
        placed.add(id);
        progress = true;
      }
    }
  }
  return order;
}
