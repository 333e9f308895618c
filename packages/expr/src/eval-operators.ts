import type { BinaryNode } from './ast';
import { MS_PER_DAY } from './dates';
import { type Compiled, checkLength, type Env, step } from './eval-env';
import type { ExprType } from './types';
import { compareValues, Dec, DIVISION_SCALE, divide, ExprDate, ExprDateTime, type ExprValue, toText } from './values';

type Pair = (a: ExprValue, b: ExprValue, env: Env) => ExprValue;

/** Both operands evaluated; a blank on either side gives a blank result (as in SQL). */
function strict(node: BinaryNode, left: Compiled, right: Compiled, op: Pair): Compiled {
  return (env) => {
    step(env, node.range);
    const a = left(env);
    if (a === null) return null;
    const b = right(env);
    return b === null ? null : op(a, b, env);
  };
}

export function power(base: Dec, exponent: Dec): Dec | null {
  // No complex results, no division by zero, and no exponent that would take long to compute.
  if (exponent.abs().gt(1000)) return null;
  if (base.isZero() && exponent.isNegative()) return null;
  if (base.isNegative() && !exponent.isInteger()) return null;
  return base.pow(exponent).toDecimalPlaces(DIVISION_SCALE, Dec.ROUND_HALF_UP);
}

function addDays(a: ExprValue, days: Dec, sign: 1 | -1): ExprValue {
  if (a instanceof ExprDate) return new ExprDate(a.days + sign * days.trunc().toNumber());
  // Fractions of a day are kept to the millisecond (half away from zero).
  const ms = days.mul(MS_PER_DAY).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  return new ExprDateTime((a as ExprDateTime).ms + sign * ms);
}

function plus(a: ExprValue, b: ExprValue): ExprValue {
  if (a instanceof Dec && b instanceof Dec) return a.plus(b);
  return a instanceof Dec ? addDays(b, a, 1) : addDays(a, b as Dec, 1);
}

function minus(a: ExprValue, b: ExprValue): ExprValue {
  if (a instanceof Dec && b instanceof Dec) return a.minus(b);
  if (b instanceof Dec) return addDays(a, b, -1);
  if (a instanceof ExprDate && b instanceof ExprDate) return new Dec(a.days - b.days);
  return divide(new Dec((a as ExprDateTime).ms - (b as ExprDateTime).ms), new Dec(MS_PER_DAY));
}

const COMPARE: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

/** Compiles `left op right`; operand types are known, so each closure does one job. */
export function compileBinary(node: BinaryNode, left: Compiled, right: Compiled, leftType: ExprType, rightType: ExprType): Compiled {
  const numeric = leftType !== 'date' && leftType !== 'datetime' && rightType !== 'date' && rightType !== 'datetime';
  switch (node.op) {
    case '+':
      return strict(node, left, right, numeric ? (a, b) => (a as Dec).plus(b as Dec) : plus);
    case '-':
      return strict(node, left, right, numeric ? (a, b) => (a as Dec).minus(b as Dec) : minus);
    case '*':
      return strict(node, left, right, (a, b) => (a as Dec).mul(b as Dec));
    case '/':
      return strict(node, left, right, (a, b) => divide(a as Dec, b as Dec));
    case '^':
      return strict(node, left, right, (a, b) => power(a as Dec, b as Dec));
    case '&':
      // Blank joins as empty text, so `first & " " & last` works when one part is empty.
      return (env) => {
        step(env, node.range);
        const text = (toText(left(env), env.timeZone) ?? '') + (toText(right(env), env.timeZone) ?? '');
        return checkLength(env, text, node.range);
      };
    default: {
      const test = COMPARE[node.op] as (c: number) => boolean;
      return strict(node, left, right, (a, b) => {
        const c = compareValues(a, b);
        return c === null ? null : test(c);
      });
    }
  }
}
