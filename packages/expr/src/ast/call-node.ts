import type { ExprNode } from './expr-node';
import type { SourceRange } from './source-range';

/**
 * A function call. `name` is upper-cased; `nameRange` covers just the name so an unknown
 * function is underlined precisely. The keywords `a AND b`, `a OR b`, `NOT a` become calls too.
 */
export interface CallNode {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly ExprNode[];
  readonly nameRange: SourceRange;
  readonly range: SourceRange;
}

export const CallNode = {
  create(name: string, args: readonly ExprNode[], nameRange: SourceRange, range: SourceRange): CallNode {
    return Object.freeze({ kind: 'call', name, args: Object.freeze([...args]), nameRange, range });
  },
};
