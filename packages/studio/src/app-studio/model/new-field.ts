import type { AppDocument, FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';

/**
 * The field types an admin can add from the studio: every type the runtime has an input or a
 * display for, except those that need another object built for them first (child tables and
 * related lists are made from the child's side) and formulas (edited in the formula editor).
 */
export const PALETTE_FIELD_TYPES = [
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
  'attachment',
  'image',
  'signature',
  'auto_number',
] as const satisfies readonly FieldType[];

export type PaletteFieldType = (typeof PALETTE_FIELD_TYPES)[number];

/** What the fields list adds and a field's type can become: the palette's types, and formulas (edited in the formula editor). */
export const FIELD_LIST_TYPES = [...PALETTE_FIELD_TYPES, 'formula'] as const satisfies readonly FieldType[];
export type ListFieldType = (typeof FIELD_LIST_TYPES)[number];

/** Colours offered for select options, in the order new options take them. */
export const OPTION_COLORS = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'] as const;

/** The first `prefix_N` not taken: ids become column names, so they are never reused within the object. */
export function freeId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** An option value and labels for the next option of a select field. */
export function newOption(existing: readonly { value: string }[]) {
  const value = freeId('option', new Set(existing.map((o) => o.value)));
  const n = value.slice('option_'.length);
  return { value, label: { 'zh-CN': `选项 ${n}`, en: `Option ${n}` }, color: OPTION_COLORS[existing.length % OPTION_COLORS.length] as string };
}

/**
 * A new field of `type` on `object`, valid as it stands: the settings its type cannot do without
 * (select options, a relation's target) are filled with a first choice the admin then changes.
 */
export function newField(document: AppDocument, object: ObjectDefinition, type: ListFieldType): FieldDefinition {
  const id = freeId(type, new Set(object.fields.map((f) => f.id)));
  const base: FieldDefinition = { id, type, label: { 'zh-CN': '新字段', en: 'New field' } };
  switch (type) {
    case 'select':
    case 'multi_select':
      return { ...base, options: [newOption([])] };
    case 'relation': {
      const target = document.objects.find((o) => o.id !== object.id && !o.parent) ?? object;
      return { ...base, target: target.id };
    }
    case 'currency':
      return { ...base, currency: 'CNY', scale: 2 };
    case 'formula':
      // A formula the admin then types over; valid meanwhile, so the draft has no problem to show yet.
      return { ...base, formula: '0', resultType: 'number' };
    case 'auto_number':
      return { ...base, numberFormat: `${object.id.slice(0, 3).toUpperCase()}-{YYYY}{MM}-{0000}` };
    default:
      return base;
  }
}

/** A new object with a name field shown when others point at it. */
export function newObject(document: AppDocument): ObjectDefinition {
  const id = freeId('object', new Set(document.objects.map((o) => o.id)));
  return {
    id,
    label: { 'zh-CN': '新对象', en: 'New object' },
    displayField: 'name',
    fields: [{ id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true }],
  };
}
