import type { SystemTables } from '@tessera/db';
import type { AccessResolver, FieldIssue, RecordService } from '@tessera/records';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { Kysely } from 'kysely';

/** Rows of a chunk, by index, with their values (relations, users, departments as the text naming them). */
export interface PendingRow {
  values: Record<string, unknown>;
  issues: FieldIssue[];
}

export interface ReferenceContext {
  db: Kysely<SystemTables>;
  records: RecordService;
  appId: string;
  access: AccessResolver;
  objects: ReadonlyMap<string, ObjectDefinition>;
}

const REFERENCE_TYPES: ReadonlySet<string> = new Set(['relation', 'user', 'department']);

/** id by the text that names it; more than one id means the text is ambiguous. */
type Names = Map<string, string[]>;

function add(names: Names, key: string, id: string) {
  const ids = names.get(key) ?? [];
  if (!ids.includes(id)) ids.push(id);
  names.set(key, ids);
}

/**
 * Turns the text a file names a related record, a person or a department by into its id — never
 * an internal id typed in a cell, always a natural key: the related record's display field (a
 * customer's name), a person's name or e-mail, a department's name. One query per field and chunk
 * of rows, within what the importing user may read. A text naming nothing, or several, is an
 * issue of its row; the value is dropped so the validator does not report it a second time.
 */
export async function resolveReferences(ctx: ReferenceContext, fields: readonly FieldDefinition[], rows: readonly PendingRow[]): Promise<void> {
  for (const field of fields.filter((f) => REFERENCE_TYPES.has(f.type))) {
    const texts = [...new Set(rows.map((r) => r.values[field.id]).filter((v): v is string => typeof v === 'string' && v !== ''))];
    if (texts.length === 0) continue;
    const names = await namesOf(ctx, field, texts);
    const kind = field.type === 'relation' ? 'relation' : field.type;
    for (const row of rows) {
      const text = row.values[field.id];
      if (typeof text !== 'string' || text === '') continue;
      const ids = names.get(field.type === 'user' ? text.toLowerCase() : text) ?? [];
      if (ids.length === 1) {
        row.values[field.id] = ids[0];
        continue;
      }
      delete row.values[field.id];
      const code = ids.length === 0 ? `import.${kind}_not_found` : `import.${kind}_ambiguous`;
      row.issues.push({ field: field.id, pointer: `/values/${field.id}`, code, params: { value: text, count: ids.length }, label: field.label });
    }
  }
}

async function namesOf(ctx: ReferenceContext, field: FieldDefinition, texts: string[]): Promise<Names> {
  const names: Names = new Map();
  if (field.type === 'relation') {
    const target = ctx.objects.get(field.target ?? '');
    const key = target?.displayField ?? target?.fields.find((f) => f.type === 'text')?.id;
    if (!target || !key) return names;
    for (const found of await ctx.records.lookup(ctx.appId, target.id, ctx.access, key, texts)) add(names, found.value, found.id);
  } else if (field.type === 'user') {
    const lower = texts.map((t) => t.toLowerCase());
    const users = await ctx.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('active', '=', true)
      .where((eb) => eb.or([eb(eb.fn('lower', ['email']), 'in', lower), eb('name', 'in', texts)]))
      .execute();
    for (const user of users) {
      add(names, user.email.toLowerCase(), user.id);
      add(names, user.name.toLowerCase(), user.id);
    }
  } else {
    const departments = await ctx.db.selectFrom('departments').select(['id', 'name']).where('name', 'in', texts).execute();
    for (const department of departments) add(names, department.name, department.id);
  }
  return names;
}
