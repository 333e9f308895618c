import { analyze, type CompiledFormula, compileFormula, type ExprNode, type ExprType, fieldKind } from '@tessera/expr';
import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { FormIssue } from './compile-form';

/**
 * What checks a formula written on a form or a field against its object: shared by form
 * rules and defaults (compile-form.ts) and the fields' own defaults (field-defaults.ts).
 */

/** Calls whose result depends on the evaluation context, so a rule using them is never static. */
const CONTEXT_FUNCTIONS = new Set(['NOW', 'TODAY', 'CURRENTUSER', 'CURRENTDEPARTMENT']);
/** Field types a rule may set: the ones a formula can compute a storable value for. */
export const RULE_SETTABLE_TYPES: ReadonlySet<FieldDefinition['type']> = new Set<FieldDefinition['type']>([
  'text',
  'long_text',
  'phone',
  'email',
  'url',
  'region',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'select',
  'multi_select',
  'checkbox',
  'user',
  'department',
]);

export function usesContext(node: ExprNode): boolean {
  switch (node.kind) {
    case 'call':
      return CONTEXT_FUNCTIONS.has(node.name) || node.args.some(usesContext);
    case 'unary':
      return usesContext(node.operand);
    case 'binary':
      return usesContext(node.left) || usesContext(node.right);
    default:
      return false;
  }
}

/** Whether a formula of type `actual` can fill `field`; select values are checked at run time. */
export function valueFits(field: FieldDefinition, actual: ExprType): boolean {
  const kind = fieldKind(field);
  if (kind.kind !== 'scalar') return false;
  const numeric = (t: ExprType) => t === 'number' || t === 'currency';
  const textual = (t: ExprType) => t === 'text' || t === 'select' || t === 'user';
  if (numeric(kind.type)) return numeric(actual);
  if (kind.type === 'user') return actual === 'user';
  if (textual(kind.type)) return textual(actual);
  return kind.type === actual;
}

/** The fields of the objects `object` points at (relations, child tables, related lists): what its formulas may read through them. */
export function relatedFields(object: ObjectDefinition, document: AppDocument): Record<string, readonly FieldDefinition[]> {
  const related: Record<string, readonly FieldDefinition[]> = {};
  for (const field of object.fields) {
    const target = field.target ? document.objects.find((o) => o.id === field.target) : undefined;
    if (target) related[target.id] = target.fields;
  }
  return related;
}

/** Analyzes one formula and reports its errors at `pointer`; `expected` is a type test with its name. */
export class FormulaChecker {
  constructor(
    private readonly object: ObjectDefinition,
    private readonly related: Record<string, readonly FieldDefinition[]>,
    readonly issues: FormIssue[],
  ) {}

  formula(
    source: string,
    pointer: string,
    expected: { name: string; fits: (type: ExprType) => boolean },
    code: string,
  ): { compiled: CompiledFormula; ast: ExprNode; readsFields: boolean } | undefined {
    const checked = analyze(source, { fields: this.object.fields, relatedFields: this.related });
    if (!checked.ok) {
      for (const error of checked.errors)
        this.issues.push({ pointer, code: error.code, params: { ...error.params, start: error.range.start, end: error.range.end } });
      return undefined;
    }
    const { formula } = checked;
    if (!expected.fits(formula.type)) {
      this.issues.push({ pointer, code, params: { expected: expected.name, actual: formula.type } });
      return undefined;
    }
    return { compiled: compileFormula(formula), ast: formula.ast, readsFields: formula.fieldTypes.size + formula.memberTypes.size > 0 };
  }
}
