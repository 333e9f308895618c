/**
 * The formula AST of `@tessera/expr` as JSON Schema (2020-12), for storage and for tools outside
 * TypeScript. The TypeScript types live beside the nodes in packages/expr/src/ast, written by hand
 * because the tree is recursive; a test there validates sample trees against this schema.
 */

const rangeSchema = {
  type: 'object',
  properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
  required: ['start', 'end'],
  additionalProperties: false,
} as const;

const node = (kind: string, properties: Record<string, unknown>, required: readonly string[]) => ({
  type: 'object',
  properties: { kind: { const: kind }, ...properties, range: { $ref: '#/$defs/range' } },
  required: ['kind', ...required, 'range'],
  additionalProperties: false,
});

const child = { $ref: '#/$defs/node' } as const;

export const EXPR_NODE_KINDS = ['number', 'text', 'boolean', 'field', 'unary', 'binary', 'call', 'aggregate'] as const;

export const exprAstSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://tessera.dev/schemas/expr.schema.json',
  title: 'Tessera formula AST',
  $ref: '#/$defs/node',
  $defs: {
    range: rangeSchema,
    node: {
      oneOf: EXPR_NODE_KINDS.map((kind) => ({ $ref: `#/$defs/${kind}` })),
    },
    number: node('number', { value: { type: 'string', pattern: '^(\\d+(\\.\\d+)?|\\.\\d+)$' } }, ['value']),
    text: node('text', { value: { type: 'string' } }, ['value']),
    boolean: node('boolean', { value: { type: 'boolean' } }, ['value']),
    field: node('field', { name: { type: 'string', minLength: 1 }, member: { type: ['string', 'null'] } }, ['name', 'member']),
    unary: node('unary', { op: { enum: ['-', '+'] }, operand: child }, ['op', 'operand']),
    binary: node(
      'binary',
      {
        op: { enum: ['+', '-', '*', '/', '^', '&', '=', '<>', '<', '<=', '>', '>='] },
        left: child,
        right: child,
      },
      ['op', 'left', 'right'],
    ),
    call: node(
      'call',
      {
        name: { type: 'string', minLength: 1 },
        args: { type: 'array', items: child },
        nameRange: { $ref: '#/$defs/range' },
      },
      ['name', 'args', 'nameRange'],
    ),
    aggregate: node(
      'aggregate',
      {
        fn: { enum: ['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT'] },
        relation: { type: 'string', minLength: 1 },
        field: { type: ['string', 'null'] },
      },
      ['fn', 'relation', 'field'],
    ),
  },
} as const;
