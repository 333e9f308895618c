export { SourceRange } from './source-range';
export { NumberNode, TextNode, BooleanNode } from './literal-node';
export { FieldNode } from './field-node';
export { UnaryNode, type UnaryOperator } from './unary-node';
export {
  BinaryNode,
  BINARY_OPERATORS,
  ARITHMETIC_OPERATORS,
  COMPARISON_OPERATORS,
  type BinaryOperator,
  type ArithmeticOperator,
  type ComparisonOperator,
} from './binary-node';
export { CallNode } from './call-node';
export { AggregateNode, AGGREGATE_FUNCTIONS, type AggregateFunction } from './aggregate-node';
export { childrenOf, walk, type ExprNode, type ExprNodeKind } from './expr-node';
