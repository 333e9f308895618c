import type { BinaryOperator } from './ast';
import { type ExprType, isNumeric, isTemporal, unifyTypes } from './types';

function additive(op: '+' | '-', left: ExprType, right: ExprType): ExprType | null {
  if (isNumeric(left) && isNumeric(right)) return unifyTypes(left, right);
  // date ± days → date; datetime ± days → datetime; days + date → date.
  if (isTemporal(left) && isNumeric(right)) return left;
  if (op === '+' && isNumeric(left) && isTemporal(right)) return right;
  // date - date, datetime - datetime → days.
  if (op === '-' && isTemporal(left) && left === right) return 'number';
  return null;
}

/** The result type of `left op right`, or null when the operator does not apply. */
export function binaryResultType(op: BinaryOperator, left: ExprType, right: ExprType): ExprType | null {
  switch (op) {
    case '+':
    case '-':
      return additive(op, left, right);
    case '*':
      return isNumeric(left) && isNumeric(right) ? unifyTypes(left, right) : null;
    case '/':
      if (!isNumeric(left) || !isNumeric(right)) return null;
      return left === 'currency' && right !== 'currency' ? 'currency' : 'number';
    case '^':
      return isNumeric(left) && isNumeric(right) ? 'number' : null;
    case '&':
      return left !== 'list' && right !== 'list' ? 'text' : null;
    default:
      // Comparisons: same family on both sides; a date is not silently compared with a datetime.
      return left !== 'list' && unifyTypes(left, right) !== null ? 'boolean' : null;
  }
}
