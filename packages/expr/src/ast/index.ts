export { AGGREGATE_FUNCTIONS, type AggregateFunction, AggregateNode } from './aggregate-node';
export {
  ARITHMETIC_OPERATORS,
  type ArithmeticOperator,
  BINARY_OPERATORS,
  BinaryNode,
  type BinaryOperator,
  COMPARISON_OPERATORS,
  type ComparisonOperator,
} from './binary-node';
export { CallNode } from './call-node';
export { childrenOf, type ExprNode, type ExprNodeKind, walk } from './expr-node';
export { FieldNode } from './field-node';
export { BooleanNode, NumberNode, TextNode } from './literal-node';
export { SourceRange } from './source-range';
export { UnaryNode, type UnaryOperator } from './unary-node';
