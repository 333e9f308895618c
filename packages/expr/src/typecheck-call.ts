import type { CallNode, ExprNode } from './ast';
import type { FunctionDoc, ParamDoc, ParamType } from './function-docs';
import { type FormatRule, parseTextFormat } from './text-format';
import type { Checker } from './typecheck';
import { type ExprType, isNumeric, isTemporal, isTextual, unifyTypes } from './types';

function accepts(param: ParamType, type: ExprType): boolean {
  switch (param) {
    case 'number':
      return isNumeric(type);
    case 'text':
      return isTextual(type);
    case 'boolean':
      return type === 'boolean';
    case 'temporal':
      return isTemporal(type);
    case 'any':
      return type !== 'list';
    case 'any_or_list':
      return true;
    case 'text_or_list':
      return isTextual(type) || type === 'list';
    case 'number_or_text':
      return isNumeric(type) || isTextual(type);
  }
}

function paramAt(doc: FunctionDoc, index: number): ParamDoc | undefined {
  const last = doc.params[doc.params.length - 1];
  return index < doc.params.length ? doc.params[index] : last?.variadic ? last : undefined;
}

/** [min, max] argument counts; IFS and SWITCH add their own parity rules. */
function arity(doc: FunctionDoc): [number, number] {
  const required = doc.params.filter((param) => !param.optional).length;
  const variadic = doc.params.some((param) => param.variadic);
  return [required, variadic ? Number.POSITIVE_INFINITY : doc.params.length];
}

function arityOk(doc: FunctionDoc, count: number): boolean {
  const [min, max] = arity(doc);
  if (count < min || count > max) return false;
  if (doc.name === 'IFS') return count % 2 === 0;
  return true;
}

function expectedCount(doc: FunctionDoc): string {
  const [min, max] = arity(doc);
  if (doc.name === 'IFS') return '2, 4, 6, …';
  if (max === min) return String(min);
  return max === Number.POSITIVE_INFINITY ? `${min}+` : `${min}-${max}`;
}

/** Which argument positions are results whose types must agree (IF branches, SWITCH values …). */
function valuePositions(doc: FunctionDoc, count: number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  switch (doc.name) {
    case 'IF':
      return all.filter((i) => i > 0);
    case 'IFS':
      return all.filter((i) => i % 2 === 1);
    case 'SWITCH':
      return all.filter((i) => i > 0 && (i % 2 === 0 || i === count - 1));
    case 'DATEADD':
      return [0];
    default:
      return all;
  }
}

function unifyAt(checker: Checker, doc: FunctionDoc, call: CallNode, types: ExprType[], positions: number[]): ExprType | null {
  let result: ExprType | null = null;
  for (const i of positions) {
    const type = types[i] as ExprType;
    const next: ExprType | null = result === null ? type : unifyTypes(result, type);
    if (next === null) {
      return checker.report('expr.branch_type', (call.args[i] as ExprNode).range, { name: doc.name, expected: result ?? type, actual: type });
    }
    result = next;
  }
  return result;
}

function checkParam(checker: Checker, doc: FunctionDoc, call: CallNode, types: ExprType[], i: number): boolean {
  const param = paramAt(doc, i);
  const type = types[i] as ExprType;
  const arg = call.args[i] as ExprNode;
  // SWITCH's cases and values are checked for agreement below rather than against "any".
  if (param && !accepts(param.type, type)) {
    checker.report('expr.arg_type', arg.range, { name: doc.name, index: i + 1, expected: param.type, actual: type });
    return false;
  }
  const literal = param?.literal;
  const node = call.args[i];
  if (literal && (node?.kind !== 'text' || !literal.includes(node.value.toLowerCase()))) {
    checker.report('expr.arg_type', arg.range, { name: doc.name, index: i + 1, expected: literal.map((unit) => `"${unit}"`).join('|'), actual: type });
    return false;
  }
  return true;
}

function checkDateAddUnit(checker: Checker, call: CallNode, types: ExprType[]): boolean {
  const unit = call.args[2];
  if (unit?.kind !== 'text') return true;
  const clock = ['hour', 'minute', 'second'].includes(unit.value.toLowerCase());
  const calendar = ['month', 'year'].includes(unit.value.toLowerCase());
  // Months on a datetime would need wall-clock arithmetic across DST; hours on a date have no meaning.
  if ((types[0] === 'date' && clock) || (types[0] === 'datetime' && calendar)) {
    checker.report('expr.arg_type', unit.range, {
      name: 'DATEADD',
      index: 3,
      expected: types[0] === 'date' ? '"day"|"month"|"year"' : '"day"|"hour"|"minute"|"second"',
      actual: unit.value,
    });
    return false;
  }
  return true;
}

/** TEXT's format: a text literal the format parser accepts, of the kind (number or date) the value has. */
function checkTextFormat(checker: Checker, call: CallNode, types: ExprType[]): boolean {
  const arg = call.args[1];
  if (arg === undefined || isNumeric(types[1] as ExprType)) return true;
  const report = (rule: FormatRule, token = ''): boolean => {
    checker.report('expr.text_format', arg.range, { name: 'TEXT', format: arg.kind === 'text' ? arg.value : '', rule, token });
    return false;
  };
  if (arg.kind !== 'text') return report('literal');
  const parsed = parseTextFormat(arg.value);
  if (!parsed.ok) return report(parsed.rule, parsed.token);
  const value = types[0] as ExprType;
  if (parsed.format.kind === 'number' && !isNumeric(value)) return report('needs_number');
  if (parsed.format.kind === 'date' && !isTemporal(value)) return report('needs_date');
  return true;
}

/** Checks a call's arguments against its documented signature and returns its result type. */
export function checkCallArguments(checker: Checker, doc: FunctionDoc, call: CallNode, argTypes: (ExprType | null)[]): ExprType | null {
  if (!arityOk(doc, argTypes.length)) {
    return checker.report('expr.arg_count', call.range, { name: doc.name, expected: expectedCount(doc), actual: argTypes.length });
  }
  if (argTypes.some((type) => type === null)) return null;
  const types = argTypes as ExprType[];
  let ok = true;
  for (let i = 0; i < types.length; i++) ok = checkParam(checker, doc, call, types, i) && ok;
  if (doc.name === 'SWITCH' && ok)
    ok =
      unifyAt(
        checker,
        doc,
        call,
        types,
        types.map((_, i) => i).filter((i) => i === 0 || (i % 2 === 1 && i < types.length - (types.length % 2 === 0 ? 1 : 0))),
      ) !== null;
  if (doc.name === 'DATEADD' && ok) ok = checkDateAddUnit(checker, call, types);
  if (doc.name === 'TEXT' && ok) ok = checkTextFormat(checker, call, types);
  if (!ok) return null;
  switch (doc.returns) {
    case 'numeric':
      return unifyAt(
        checker,
        doc,
        call,
        types,
        types.map((_, i) => i).filter((i) => isNumeric(types[i] as ExprType)),
      );
    case 'same':
      return unifyAt(checker, doc, call, types, valuePositions(doc, types.length));
    default:
      return doc.returns;
  }
}
