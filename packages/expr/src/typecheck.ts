import type { FieldDefinition } from '@tessera/schemas';
import type { SourceRange } from './ast';
import { type AggregateFunction, AggregateNode, BinaryNode, CallNode, type ExprNode, FieldNode, UnaryNode } from './ast';
import { type ExprError, type ExprErrorCode, type ExprErrorParams, exprError } from './errors';
import { FieldIndex } from './field-index';
import { suggestField } from './field-suggestion';
import { findFunction } from './function-docs';
import { MAX_DEPTH } from './parser';
import { checkCallArguments } from './typecheck-call';
import { binaryResultType } from './typecheck-operators';
import { type ExprType, fieldKind, isNumeric } from './types';

export interface CheckOptions {
  /** The fields of the object the formula belongs to. */
  readonly fields: readonly FieldDefinition[];
  /** Fields of the objects that relation and child_table fields point to, by object id. */
  readonly relatedFields?: Readonly<Record<string, readonly FieldDefinition[]>>;
}

/** A typechecked formula: field nodes carry field ids, child-table sums are aggregate nodes. */
export interface CheckedFormula {
  readonly ast: ExprNode;
  readonly type: ExprType;
  /** The static type of every node of `ast`. */
  readonly types: WeakMap<ExprNode, ExprType>;
  /** Field id → type, for every field of the object the formula reads. */
  readonly fieldTypes: ReadonlyMap<string, ExprType>;
  /** `relation.member` → type, for every field read through a relation or child table. */
  readonly memberTypes: ReadonlyMap<string, ExprType>;
}

export type CheckResult = { ok: true; formula: CheckedFormula } | { ok: false; errors: readonly ExprError[] };

type Visited = { node: ExprNode; type: ExprType | null };

const NUMBER_LITERAL = /^(\d+(\.\d+)?|\.\d+)$/;
const KNOWN_KINDS = new Set<string>(['number', 'text', 'boolean', 'field', 'unary', 'binary', 'call', 'aggregate']);

export class Checker {
  readonly errors: ExprError[] = [];
  readonly types = new WeakMap<ExprNode, ExprType>();
  readonly fieldTypes = new Map<string, ExprType>();
  readonly memberTypes = new Map<string, ExprType>();
  private readonly index: FieldIndex;
  private depth = 0;

  constructor(private readonly options: CheckOptions) {
    this.index = new FieldIndex(options.fields);
  }

  report(code: ExprErrorCode, range: SourceRange, params: ExprErrorParams = {}): null {
    this.errors.push(exprError(code, range, params));
    return null;
  }

  typed(node: ExprNode, type: ExprType | null): Visited {
    if (type) this.types.set(node, type);
    return { node, type };
  }

  /**
   * Trees may come from JSON rather than from the parser, so depth and node kinds are checked here
   * too: a hand-made tree can be as deep or as strange as it likes and still get an error value.
   */
  visit(node: ExprNode): Visited {
    if (this.depth >= MAX_DEPTH) return this.typed(node, this.report('expr.too_deep', node.range, { max: MAX_DEPTH }));
    if (!KNOWN_KINDS.has(node.kind))
      return { node, type: this.report('expr.syntax.unexpected_token', node.range ?? { start: 0, end: 0 }, { token: String(node.kind) }) };
    this.depth++;
    try {
      return this.visitNode(node);
    } finally {
      this.depth--;
    }
  }

  private visitNode(node: ExprNode): Visited {
    switch (node.kind) {
      case 'number':
        if (!NUMBER_LITERAL.test(node.value)) return this.typed(node, this.report('expr.syntax.unexpected_token', node.range, { token: node.value }));
        return this.typed(node, 'number');
      case 'text':
        return this.typed(node, 'text');
      case 'boolean':
        return this.typed(node, 'boolean');
      case 'field':
        return this.visitField(node);
      case 'unary': {
        const operand = this.visit(node.operand);
        const bound = UnaryNode.create(node.op, operand.node, node.range);
        if (operand.type && !isNumeric(operand.type)) {
          return this.typed(bound, this.report('expr.operand_type', node.range, { op: node.op, left: operand.type, right: operand.type }));
        }
        return this.typed(bound, operand.type);
      }
      case 'binary': {
        const left = this.visit(node.left);
        const right = this.visit(node.right);
        const bound = BinaryNode.create(node.op, left.node, right.node, node.range);
        if (!left.type || !right.type) return this.typed(bound, null);
        const type = binaryResultType(node.op, left.type, right.type);
        if (!type) return this.typed(bound, this.report('expr.operand_type', node.range, { op: node.op, left: left.type, right: right.type }));
        return this.typed(bound, type);
      }
      case 'call':
        return this.visitCall(node);
      case 'aggregate':
        return this.typed(node, this.aggregateType(node.fn, node.relation, node.field, node.range));
    }
  }

  private visitField(node: FieldNode): Visited {
    if (node.member !== null) {
      return this.typed(node, this.report('expr.unsupported_field', node.range, { name: `${node.name}.${node.member}`, type: 'relation' }));
    }
    const found = this.index.lookup(node.name);
    if (!found.ok) {
      if (found.reason === 'ambiguous') return this.typed(node, this.report('expr.ambiguous_field', node.range, { name: node.name }));
      const suggestion = suggestField(node.name, this.index.fields);
      return this.typed(node, this.report('expr.unknown_field', node.range, { name: node.name, ...(suggestion ? { suggestion } : {}) }));
    }
    const kind = fieldKind(found.field);
    const bound = FieldNode.create(found.field.id, null, node.range);
    if (kind.kind !== 'scalar') {
      return this.typed(bound, this.report('expr.unsupported_field', node.range, { name: node.name, type: found.field.type }));
    }
    this.fieldTypes.set(found.field.id, kind.type);
    return this.typed(bound, kind.type);
  }

  private visitCall(node: CallNode): Visited {
    const doc = findFunction(node.name);
    if (doc?.aggregates && node.args.length === 1) {
      const aggregate = this.asAggregate(node, node.name as AggregateFunction);
      if (aggregate) return aggregate;
    }
    const args = node.args.map((arg) => this.visit(arg));
    const bound = CallNode.create(
      node.name,
      args.map((arg) => arg.node),
      node.nameRange,
      node.range,
    );
    if (!doc) return this.typed(bound, this.report('expr.unknown_function', node.nameRange, { name: node.name }));
    return this.typed(
      bound,
      checkCallArguments(
        this,
        doc,
        bound,
        args.map((arg) => arg.type),
      ),
    );
  }

  /** `SUM(lines.amount)` / `COUNT(visits)`: only when the argument goes through a relation. */
  private asAggregate(node: CallNode, fn: AggregateFunction): Visited | null {
    const arg = node.args[0];
    if (arg?.kind !== 'field') return null;
    const found = this.index.lookup(arg.name);
    if (!found.ok) return null;
    const kind = fieldKind(found.field);
    if (kind.kind !== 'relation') {
      if (arg.member === null) return null;
      return this.typed(node, this.report('expr.not_a_relation', arg.range, { name: arg.name }));
    }
    let member: string | null = null;
    if (arg.member !== null) {
      const related = this.relatedIndex(kind.target);
      const memberLookup = related.lookup(arg.member);
      if (!memberLookup.ok) return this.typed(node, this.report('expr.bad_member', arg.range, { relation: arg.name, name: arg.member }));
      const memberKind = fieldKind(memberLookup.field);
      if (memberKind.kind !== 'scalar') {
        return this.typed(node, this.report('expr.unsupported_field', arg.range, { name: arg.member, type: memberLookup.field.type }));
      }
      member = memberLookup.field.id;
      this.memberTypes.set(`${found.field.id}.${member}`, memberKind.type);
    }
    this.fieldTypes.set(found.field.id, 'list');
    const bound = AggregateNode.create(fn, found.field.id, member, node.range);
    return this.typed(bound, this.aggregateType(fn, found.field.id, member, node.range));
  }

  private relatedIndex(target: string): FieldIndex {
    const related = this.options.relatedFields;
    return new FieldIndex(related && Object.hasOwn(related, target) ? (related[target] ?? []) : []);
  }

  private aggregateType(fn: AggregateFunction, relation: string, member: string | null, range: SourceRange): ExprType | null {
    if (fn === 'COUNT') return 'number';
    const type = member === null ? undefined : this.memberTypes.get(`${relation}.${member}`);
    if (!type || !isNumeric(type)) {
      return this.report('expr.arg_type', range, { name: fn, index: 1, expected: 'number', actual: type ?? 'relation' });
    }
    return type;
  }
}

/** Typechecks a parsed formula against an object's fields; reports every error it finds. */
export function check(ast: ExprNode, options: CheckOptions): CheckResult {
  const checker = new Checker(options);
  const { node, type } = checker.visit(ast);
  if (checker.errors.length > 0 || !type) return { ok: false, errors: checker.errors };
  return {
    ok: true,
    formula: { ast: node, type, types: checker.types, fieldTypes: checker.fieldTypes, memberTypes: checker.memberTypes },
  };
}
