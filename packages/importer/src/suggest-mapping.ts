import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';

/** Field types an import can fill from a cell; the others are computed, nested or files. */
export const IMPORTABLE_TYPES: ReadonlySet<string> = new Set([
  'text',
  'long_text',
  'rich_text',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'select',
  'multi_select',
  'checkbox',
  'user',
  'department',
  'relation',
  'phone',
  'email',
  'url',
  'region',
]);

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
 * A field for each column title: the field whose label (zh-CN or en) or id is the title, else
 * one whose label contains the title or is contained in it (longest wins); a field is suggested
 * for one column only, the first that names it. Titles matching nothing map to null.
 */
export function suggestMapping(titles: readonly string[], fields: readonly FieldDefinition[]): (string | null)[] {
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
  const exact = titles.map((title) => {
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
