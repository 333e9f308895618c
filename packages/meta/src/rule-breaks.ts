import type { SystemTables } from '@tessera/db';
import { fieldFormat, meetsFieldFormat } from '@tessera/forms';
import type { AppDocument, FieldDefinition } from '@tessera/schemas';
import { type Kysely, sql } from 'kysely';
import { columnKey, type PhysicalState } from './physical-state';
import { tableRef } from './sql-names';

/** A data rule the draft adds or tightens on a field that already holds data, and how many live rows break it. */
export interface RuleBreak {
  object: string;
  field: string;
  rule: 'required' | 'format';
  /** rule format: the format the rows must now have. */
  format?: string;
  count: number;
}

/** Rows read per round trip while checking a format in JS (the check digit is not SQL's to compute). */
const SCAN_CHUNK = 5_000;

/** Rows that are empty: null, or text of only white space (the records validator's "blank"). */
async function countEmpty(db: Kysely<SystemTables>, appId: string, objectId: string, field: FieldDefinition, sqlType: string): Promise<number> {
  const column = sql.ref(field.id);
  const blank = sqlType === 'text' ? sql`(${column} is null or btrim(${column}) = '')` : sql`${column} is null`;
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${tableRef(appId, objectId)} where deleted_at is null and ${blank}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Rows whose stored text breaks the field's format, checked in keyset chunks by the same function every write runs. */
async function countBadFormat(db: Kysely<SystemTables>, appId: string, objectId: string, field: FieldDefinition): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let count = 0;
  for (;;) {
    const { rows } = await sql<{ id: string; value: string }>`select id, ${sql.ref(field.id)} as value from ${tableRef(appId, objectId)}
      where deleted_at is null and ${sql.ref(field.id)} is not null and id > ${after}::uuid order by id limit ${SCAN_CHUNK}`.execute(db);
    count += rows.filter((row) => !meetsFieldFormat(field, row.value)).length;
    if (rows.length < SCAN_CHUNK) return count;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * What publishing the draft's new or tightened data rules means for the data already stored: per
 * field that is newly required or gets a (different) format, how many live rows break it. Publish
 * is not blocked by them and reading them keeps working; only writing such a row again must meet
 * the rule. Fields without a column yet (new ones) hold no data; encrypted values cannot be read
 * here and are left out.
 */
export async function findRuleBreaks(
  db: Kysely<SystemTables>,
  appId: string,
  live: AppDocument | null,
  draft: AppDocument,
  physical: PhysicalState,
): Promise<RuleBreak[]> {
  if (!live) return [];
  const breaks: RuleBreak[] = [];
  for (const object of draft.objects) {
    const before = live.objects.find((o) => o.id === object.id);
    if (!before || physical.tables.get(object.id)?.retired !== false) continue;
    for (const field of object.fields) {
      const was = before.fields.find((f) => f.id === field.id);
      const column = physical.columns.get(columnKey(object.id, field.id));
      if (!was || !column || column.retired || field.encrypted) continue;
      if (field.required && !was.required)
        breaks.push({ object: object.id, field: field.id, rule: 'required', count: await countEmpty(db, appId, object.id, field, column.sqlType) });
      const format = fieldFormat(field);
      if (format && format !== fieldFormat(was) && column.sqlType === 'text')
        breaks.push({ object: object.id, field: field.id, rule: 'format', format, count: await countBadFormat(db, appId, object.id, field) });
    }
  }
  return breaks;
}
