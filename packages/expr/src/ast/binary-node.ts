import type { ExprNode } from './expr-node';
import type { SourceRange } from './source-range';

export const ARITHMETIC_OPERATORS = ['+', '-', '*', '/', '^'] as const;
export const COMPARISON_OPERATORS = ['=', '<>', '<', '<=', '>', '>='] as const;
export const BINARY_OPERATORS = [...ARITHMETIC_OPERATORS, '&', ...COMPARISON_OPERATORS] as const;

export type ArithmeticOperator = (typeof ARITHMETIC_OPERATORS)[number];
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];

export interface BinaryNode {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: ExprNode;
  readonly right: ExprNode;
  readonly range: SourceRange;
}

export const BinaryNode = {
  create(op: BinaryOperator, left: ExprNode, right: ExprNode, range: SourceRange): BinaryNode {
    return Object.freeze({ kind: 'binary', op, left, right, range });
  },
};
