import type { AggregateNode } from './aggregate-node';
import type { BinaryNode } from './binary-node';
import type { CallNode } from './call-node';
import type { FieldNode } from './field-node';
import type { BooleanNode, NumberNode, TextNode } from './literal-node';
import type { UnaryNode } from './unary-node';

/** The formula AST: plain, frozen, JSON-serialisable objects (schema: schemas/src/expr.schema.ts). */
export type ExprNode = NumberNode | TextNode | BooleanNode | FieldNode | UnaryNode | BinaryNode | CallNode | AggregateNode;
export type ExprNodeKind = ExprNode['kind'];

/** Children in source order; the one place that knows the shape of every node. */
export function childrenOf(node: ExprNode): readonly ExprNode[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    default:
      return [];
  }
}

/** Pre-order walk without recursion, so a pathological tree cannot blow the stack. */
export function walk(root: ExprNode, visit: (node: ExprNode) => void): void {
  const stack: ExprNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ExprNode;
    visit(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as ExprNode);
  }
}
