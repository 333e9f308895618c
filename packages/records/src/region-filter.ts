import { isStorableRegionCode, regionArea } from '@tessera/formats';
import { type RawBuilder, sql } from 'kysely';
import type { QueryableColumn } from './query-fields';
import type { FieldIssue } from './record-error';

/** What a refused value looks like in the message: short, and never more than a line. */
const shown = (value: unknown): string => (JSON.stringify(value) ?? 'nothing').slice(0, 40);

/**
 * The digit string that follows every string starting with `prefix` in any collation: 4409 → 4410.
 * Null when there is none of the same length (99): the range is then open above.
 */
function prefixEnd(prefix: string): string | null {
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0');
  return next.length === prefix.length ? next : null;
}

/**
 * `within`: the region field holds the picked province, city or district or a region inside it.
 * Codes nest by their digits, so this is a prefix match (广东省 440000 → codes starting `44`),
 * with the few departures of the region table listed by code (see @tessera/formats, regionArea).
 *
 * The prefix is asked as a range, `col >= '44' and col < '45'`, which the field's plain btree index
 * (meta's desiredIndexes) answers whatever the database's collation: `LIKE '44%'` alone uses a btree
 * only under the C collation (not even C.UTF-8) or with text_pattern_ops. Strings starting with the
 * prefix all lie in that range in every collation, as digits sort in order everywhere; the LIKE,
 * checked on the rows the index finds, drops what a non-C collation sorts in between (`4-4`), so
 * the match is exactly the prefix's. Every part is a parameter; the prefix is digits only, so it
 * needs no LIKE escaping.
 */
export function withinSql(column: QueryableColumn, value: unknown, issues: FieldIssue[], pointer: string): RawBuilder<unknown> | null {
  // A region field stores six-digit codes only: only such a code can be asked for.
  const area = typeof value === 'string' && isStorableRegionCode(value) ? regionArea(value) : null;
  if (!area) {
    issues.push({ field: column.id, pointer, code: 'query.region', params: { field: column.id, value: shown(value) } });
    return null;
  }
  const ref = sql.ref(column.id);
  const end = prefixEnd(area.prefix);
  const byPrefix = sql`(${ref} >= ${area.prefix}${end === null ? sql`` : sql` and ${ref} < ${end}`} and ${ref} like ${`${area.prefix}%`})`;
  const inside = area.exclude.length ? sql`(${byPrefix} and ${ref} <> all(${area.exclude}::text[]))` : byPrefix;
  return area.include.length ? sql`(${inside} or ${ref} = any(${area.include}::text[]))` : inside;
}
