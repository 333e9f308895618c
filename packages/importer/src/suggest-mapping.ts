import { FIELD_TYPES, type FieldDefinition, type FieldType, type ObjectDefinition } from '@tessera/schemas';

/** Field types an import can fill from a cell: all but those computed, nested or holding files. */
const NOT_IMPORTABLE: ReadonlySet<FieldType> = new Set(['child_table', 'related_list', 'formula', 'auto_number', 'attachment', 'image', 'signature']);
export const IMPORTABLE_TYPES: ReadonlySet<string> = new Set(FIELD_TYPES.filter((type) => !NOT_IMPORTABLE.has(type)));

export function importableFields(object: ObjectDefinition, hidden: ReadonlySet<string>, readOnly: ReadonlySet<string>): FieldDefinition[] {
  return object.fields.filter((f) => IMPORTABLE_TYPES.has(f.type) && !hidden.has(f.id) && !readOnly.has(f.id));
}

/**
 * A title as compared with field labels: case, spaces, full-width forms, the asterisk Excel
 * templates put on required columns and trailing units in brackets ("金额（元）") do not count.
 */
export function normalizeHeader(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]\s*$/u, '')
    .replace(/[\s*＊:：_\-./]/gu, '');
}

/**
 * A field for each column title: the field an earlier import mapped that title to (`remembered`,
 * normalized title → field id), else the field whose label (zh-CN or en) or id is the title, else
 * one whose label contains the title or is contained in it (longest wins); a field is suggested
 * for one column only, the first that names it. Titles matching nothing map to null.
 */
export function suggestMapping(
  titles: readonly string[],
  fields: readonly FieldDefinition[],
  remembered: ReadonlyMap<string, string> = new Map(),
): (string | null)[] {
  const names = fields.map((field) => ({
    field,
    names: [field.id, ...Object.values(field.label ?? {})].map((n) => normalizeHeader(String(n))).filter(Boolean),
  }));
  const taken = new Set<string>();
  const pick = (title: string, test: (name: string, t: string) => boolean): string | null => {
    const t = normalizeHeader(title);
    if (!t) return null;
    const candidates = names.filter((n) => !taken.has(n.field.id) && n.names.some((name) => test(name, t)));
    candidates.sort((a, b) => Math.max(...b.names.map((n) => n.length)) - Math.max(...a.names.map((n) => n.length)));
    return candidates[0]?.field.id ?? null;
  };
  const importable = new Set(fields.map((f) => f.id));
  const earlier = titles.map((title) => {
    const id = remembered.get(normalizeHeader(title));
    if (!id || !importable.has(id) || taken.has(id)) return null;
    taken.add(id);
    return id;
  });
  const exact = titles.map((title, i) => {
    if (earlier[i]) return earlier[i];
    const id = pick(title, (name, t) => name === t);
    if (id) taken.add(id);
    return id;
  });
  return exact.map((id, i) => {
    if (id) return id;
    const loose = pick(titles[i]!, (name, t) => name.length >= 2 && t.length >= 2 && (name.includes(t) || t.includes(name)));
    if (loose) taken.add(loose);
    return loose;
  });
}
