import type { ExprNode } from './expr-node';
import type { SourceRange } from './source-range';

export type UnaryOperator = '-' | '+';

export interface UnaryNode {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: ExprNode;
  readonly range: SourceRange;
}

export const UnaryNode = {
  create(op: UnaryOperator, operand: ExprNode, range: SourceRange): UnaryNode {
    return Object.freeze({ kind: 'unary', op, operand, range });
  },
};
