import type { SourceRange } from './source-range';

/** Numbers keep their source text: a decimal literal must never pass through a binary float. */
export interface NumberNode {
  readonly kind: 'number';
  readonly value: string;
  readonly range: SourceRange;
}

export interface TextNode {
  readonly kind: 'text';
  readonly value: string;
  readonly range: SourceRange;
}

export interface BooleanNode {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly range: SourceRange;
}

export const NumberNode = {
  create(value: string, range: SourceRange): NumberNode {
    return Object.freeze({ kind: 'number', value, range });
  },
};

export const TextNode = {
  create(value: string, range: SourceRange): TextNode {
    return Object.freeze({ kind: 'text', value, range });
  },
};

export const BooleanNode = {
  create(value: boolean, range: SourceRange): BooleanNode {
    return Object.freeze({ kind: 'boolean', value, range });
  },
};
