import type { SourceRange } from './source-range';

/**
 * A field reference as written: `amount`, `[Amount]`, `[金额]`, or through a relation or child
 * table `lines.amount`. The typechecker resolves `name` (id or label in any language) to a field
 * id; a resolved tree carries ids in `name` and `member`.
 */
export interface FieldNode {
  readonly kind: 'field';
  readonly name: string;
  readonly member: string | null;
  readonly range: SourceRange;
}

export const FieldNode = {
  create(name: string, member: string | null, range: SourceRange): FieldNode {
    return Object.freeze({ kind: 'field', name, member, range });
  },
};
