import { sql, type RawBuilder } from 'kysely';
import { regionArea } from '@tessera/formats';
import type { FieldIssue } from './record-error';
import type { QueryableColumn } from './query-fields';

/** A region field stores a six-digit code (its value schema caps it at 6 characters): only such a code can match. */
const STORED_CODE = /^\d{6}$/;

/** What a refused value looks like in the message: short, and never more than a line. */
const shown = (value: unknown): string => (JSON.stringify(value) ?? 'nothing').slice(0, 40);

/**
 * `within`: the region field holds the picked province, city or district or a region inside it.
 * Codes nest by their digits, so this is a prefix match (广东省 440000 → codes starting `44`),
 * with the few departures of the region table listed by code (see @tessera/formats, regionArea).
 * Every part is a parameter; the prefix is digits only, so it needs no LIKE escaping.
 */
export function withinSql(column: QueryableColumn, value: unknown, issues: FieldIssue[], pointer: string): RawBuilder<unknown> | null {
  const area = typeof value === 'string' && STORED_CODE.test(value) ? regionArea(value) : null;
  if (!area) {
    issues.push({ field: column.id, pointer, code: 'query.region', params: { field: column.id, value: shown(value) } });
    return null;
  }
  const ref = sql.ref(column.id);
  const byPrefix = sql`${ref} like ${`${area.prefix}%`}`;
  const inside = area.exclude.length ? sql`(${byPrefix} and ${ref} <> all(${area.exclude}::text[]))` : byPrefix;
  return area.include.length ? sql`(${inside} or ${ref} = any(${area.include}::text[]))` : inside;
}
