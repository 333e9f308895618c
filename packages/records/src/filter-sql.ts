import { BLANK_TEXT_PATTERN } from '@tessera/formats';
import type { FilterCondition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { startsWithExistingDate } from './calendar-date';
import { type FormatBreaks, isFormatName } from './format-filter';
import type { QueryableColumn } from './query-fields';
import type { FieldIssue } from './record-error';
import { withinSql } from './region-filter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d{1,28}(\.\d{1,12})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EXPECTED: Record<QueryableColumn['sqlType'], string> = {
  text: 'text',
  numeric: 'a number',
  integer: 'a number',
  date: 'YYYY-MM-DD',
  timestamptz: 'an ISO 8601 date-time',
  boolean: 'true or false',
  uuid: 'a record id',
  'text[]': 'text',
  jsonb: 'no value',
};

/** A scalar filter value as a parameter for a column of this type, or undefined when it does not fit. */
function scalar(column: QueryableColumn, value: unknown): unknown {
  switch (column.sqlType) {
    case 'text':
    case 'text[]':
      return typeof value === 'string' && value.length <= 2000 ? value : undefined;
    case 'numeric':
    case 'integer': {
      const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      return typeof text === 'string' && DECIMAL.test(text) ? text : undefined;
    }
    case 'date':
      return typeof value === 'string' && DATE.test(value) && startsWithExistingDate(value) ? value : undefined;
    case 'timestamptz':
      return typeof value === 'string' && startsWithExistingDate(value) ? instant(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? value : undefined;
    case 'jsonb':
      return undefined;
  }
}

/** An ISO date-time as the instant PostgreSQL takes, or undefined when it is not one (or lands outside years 1–9999 in UTC). */
function instant(text: string): string | undefined {
  if (Number.isNaN(Date.parse(text))) return undefined;
  const iso = new Date(text).toISOString();
  return startsWithExistingDate(iso) ? iso : undefined;
}

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

/** Empty as a write sees it: text of only white space is blank (the records validator's `required` refuses it too). */
function emptySql(column: QueryableColumn, ref: RawBuilder<unknown>): RawBuilder<unknown> {
  if (column.sqlType === 'text') return sql`(${ref} is null or ${ref} ~ ${BLANK_TEXT_PATTERN})`;
  if (column.sqlType === 'text[]') return sql`(${ref} is null or cardinality(${ref}) = 0)`;
  if (column.sqlType === 'jsonb') return sql`(${ref} is null or ${ref} = '[]'::jsonb)`;
  return sql`${ref} is null`;
}

/**
 * One filter condition as a parameterized predicate. Values are checked against the column's
 * type first: a wrong value is the client's error (named field, operator and expectation),
 * never a database error, and never part of the SQL text.
 */
export function filterSql(
  column: QueryableColumn,
  condition: FilterCondition,
  issues: FieldIssue[],
  pointer: string,
  formatBreaks: FormatBreaks = new Map(),
): RawBuilder<unknown> | null {
  const ref = sql.ref(column.id);
  const { op, value } = condition;
  const fail = () => {
    issues.push({
      field: column.id,
      pointer,
      code: 'query.value',
      params: {
        field: column.id,
        op,
        expected:
          op === 'in'
            ? `a list of ${EXPECTED[column.sqlType]}`
            : op === 'between'
              ? `[from, to] of ${EXPECTED[column.sqlType]}`
              : op === 'breaks_format'
                ? 'a format name'
                : EXPECTED[column.sqlType],
      },
    });
    return null;
  };
  if (op === 'within') return withinSql(column, value, issues, pointer);
  if (op === 'breaks_format') {
    const breaking = formatBreaks.get(condition);
    if (!isFormatName(value) || !breaking) return fail();
    return sql`${ref} in (select unnest(${breaking}::text[]))`;
  }
  if (op === 'is_empty') return emptySql(column, ref);
  if (op === 'is_not_empty') return sql`not ${emptySql(column, ref)}`;
  if (op === 'in') {
    if (!Array.isArray(value) || value.length === 0 || value.length > 1000) return fail();
    const items = value.map((v) => scalar(column, v));
    if (items.some((v) => v === undefined)) return fail();
    return column.sqlType === 'text[]' ? sql`${ref} && ${items}::text[]` : sql`${ref} in (${sql.join(items)})`;
  }
  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2) return fail();
    const [from, to] = value.map((v) => scalar(column, v));
    if (from === undefined || to === undefined) return fail();
    return sql`${ref} between ${from} and ${to}`;
  }
  const v = scalar(column, value);
  if (v === undefined || v === null) return fail();
  switch (op) {
    case 'eq':
      return sql`${ref} = ${v}`;
    case 'ne':
      return sql`${ref} is distinct from ${v}`;
    case 'gt':
      return sql`${ref} > ${v}`;
    case 'gte':
      return sql`${ref} >= ${v}`;
    case 'lt':
      return sql`${ref} < ${v}`;
    case 'lte':
      return sql`${ref} <= ${v}`;
    case 'contains':
      return column.sqlType === 'text[]' ? sql`${ref} @> array[${v}]::text[]` : sql`${ref} ilike ${`%${likeEscape(String(v))}%`}`;
    case 'starts_with':
      return sql`${ref} ilike ${`${likeEscape(String(v))}%`}`;
  }
}
