import { sql } from 'kysely';
import type { BinaryNode } from './ast';
import { divide, power, type Sql, type SqlEnv, textOf } from './sql-helpers';
import { type ExprType, isTemporal, isTextual } from './types';

const MS = sql`interval '1 millisecond'`;

/** date ± days keeps whole days; datetime ± days moves by exact milliseconds (no DST wall-clock step). */
function temporalShift(op: '+' | '-', temporal: Sql, type: ExprType, days: Sql): Sql {
  const sign = op === '+' ? sql`+` : sql`-`;
  if (type === 'date') return sql`(${temporal} ${sign} trunc(${days})::int)`;
  return sql`(${temporal} ${sign} round(${days} * 86400000)::double precision * ${MS})`;
}

function additive(op: '+' | '-', a: Sql, b: Sql, left: ExprType, right: ExprType): Sql {
  if (isTemporal(left) && isTemporal(right)) {
    return left === 'date' ? sql`(${a} - ${b})::numeric` : divide(sql`extract(epoch from (${a} - ${b}))`, sql`86400`);
  }
  if (isTemporal(left)) return temporalShift(op, a, left, b);
  if (isTemporal(right)) return temporalShift('+', b, right, a);
  return op === '+' ? sql`(${a} + ${b})` : sql`(${a} - ${b})`;
}

const COMPARISON: Record<string, Sql> = {
  '=': sql`=`,
  '<>': sql`<>`,
  '<': sql`<`,
  '<=': sql`<=`,
  '>': sql`>`,
  '>=': sql`>=`,
};

export function compileBinarySql(node: BinaryNode, a: Sql, b: Sql, left: ExprType, right: ExprType, env: SqlEnv): Sql {
  switch (node.op) {
    case '+':
    case '-':
      return additive(node.op, a, b, left, right);
    case '*':
      return sql`(${a} * ${b})`;
    case '/':
      return divide(a, b);
    case '^':
      return power(a, b);
    case '&':
      return sql`concat(${textOf(a, left, env)}, ${textOf(b, right, env)})`;
    default: {
      const op = COMPARISON[node.op] as Sql;
      // Text orders by code point in JS; the "C" collation is the same order in PostgreSQL.
      if (isTextual(left) && node.op !== '=' && node.op !== '<>') return sql`(${a} collate "C" ${op} ${b})`;
      return sql`(${a} ${op} ${b})`;
    }
  }
}
