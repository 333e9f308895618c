import type { SqlType } from './column-types';

export type Conversion = 'same' | 'safe' | 'checked' | 'unsupported';

/** Text-parsed targets: every value is tried, and the publish is refused if any would not convert. */
const PARSED_FROM_TEXT: ReadonlySet<SqlType> = new Set(['numeric', 'date', 'timestamptz', 'boolean', 'uuid']);

/**
 * How a column's values can move from one SQL type to another. Anything that would silently
 * lose information (a datetime cut to a date, a number to a yes/no) is unsupported: the admin
 * adds a new field instead.
 */
export function classifyConversion(from: SqlType, to: SqlType): Conversion {
  if (from === to) return 'same';
  if (to === 'text') return 'safe';
  if (from === 'text' && to === 'text[]') return 'safe';
  if (from === 'date' && to === 'timestamptz') return 'safe';
  if (from === 'text' && PARSED_FROM_TEXT.has(to)) return 'checked';
  return 'unsupported';
}
