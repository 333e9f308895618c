import { FORMAT_NAMES, type FormatName } from '@tessera/formats';
import { meetsFormat } from '@tessera/forms';
import { tableRef } from '@tessera/meta';
import type { FieldDefinition, FilterCondition, ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { cachedBreakingValues } from './format-breaks-cache';
import { operatorsFor, queryableColumn } from './query-fields';
import type { RecordContext } from './record-context';
import { RecordError } from './record-error';

/** Distinct stored values read per round trip while checking a format: each round trip reads the column once, so few and large. */
const SCAN_CHUNK = 50_000;
const FORMATS: ReadonlySet<string> = new Set(FORMAT_NAMES);

/** Per `breaks_format` condition of a query, the stored values (ciphertext for an encrypted field) that break the format. */
export type FormatBreaks = ReadonlyMap<FilterCondition, readonly string[]>;

export const isFormatName = (value: unknown): value is FormatName => typeof value === 'string' && FORMATS.has(value);

/**
 * The distinct stored values of a field that break a format, read in keyset chunks. Whether a
 * value meets a format is a pure function of the value and the field's cleaning rules, and some
 * formats carry a check character SQL cannot compute without a second implementation; so the
 * check runs here, by the same function every write runs, and the query filters on the values
 * found (`= any(…)`), composing with sort, paging, count and the row scope as any filter does.
 * An encrypted field's ciphertexts are opened one by one: the values differ per row.
 */
async function breakingValues(ctx: RecordContext, object: ObjectDefinition, field: FieldDefinition, format: FormatName): Promise<string[]> {
  if (field.encrypted && !ctx.cipher) throw new RecordError('record.encryption_unavailable', [], { field: field.id });
  const column = sql.ref(field.id);
  const plain = (stored: string) => (field.encrypted && ctx.cipher ? ctx.cipher.decrypt(stored) : stored);
  const breaking: string[] = [];
  let after: string | null = null;
  for (;;) {
    const past: RawBuilder<unknown> = after === null ? sql`true` : sql`${column} collate "C" > ${after}`;
    const { rows }: { rows: { value: string }[] } = await sql<{ value: string }>`select ${column} as value from ${tableRef(ctx.app.appId, object.id)}
      where ${column} is not null and ${past} group by ${column} order by ${column} collate "C" limit ${SCAN_CHUNK}`.execute(ctx.db);
    for (const { value } of rows) if (!meetsFormat(field, format, plain(value))) breaking.push(value);
    if (rows.length < SCAN_CHUNK) return breaking;
    after = rows[rows.length - 1]!.value;
  }
}

/** The values behind each `breaks_format` condition; a condition the list cannot take is left for `filterPredicates` to name. */
export async function resolveFormatFilters(
  ctx: RecordContext,
  object: ObjectDefinition,
  filters: readonly FilterCondition[] | undefined,
): Promise<FormatBreaks> {
  const resolved = new Map<FilterCondition, readonly string[]>();
  for (const condition of filters ?? []) {
    if (condition.op !== 'breaks_format' || !isFormatName(condition.value)) continue;
    const column = queryableColumn(object, condition.field, ctx.access.hiddenFields(object.id));
    if (column?.field && operatorsFor(column).includes('breaks_format')) {
      const { field } = column;
      const format = condition.value;
      resolved.set(condition, await cachedBreakingValues(ctx, object.id, `${field.id}\u0000${format}`, () => breakingValues(ctx, object, field, format)));
    }
  }
  return resolved;
}
