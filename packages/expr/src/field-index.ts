import type { FieldDefinition } from '@tessera/schemas';

export type FieldLookup = { ok: true; field: FieldDefinition } | { ok: false; reason: 'unknown' | 'ambiguous' };

/**
 * Finds a field by id, or by its label in any language (case-insensitive). Maps, not objects, so
 * a name such as `__proto__` or `constructor` can only ever be "unknown".
 */
export class FieldIndex {
  private readonly byId = new Map<string, FieldDefinition>();
  private readonly byLabel = new Map<string, FieldDefinition[]>();

  constructor(readonly fields: readonly FieldDefinition[]) {
    for (const field of fields) {
      this.byId.set(field.id, field);
      for (const label of Object.values(field.label)) {
        const key = label.trim().toLowerCase();
        const list = this.byLabel.get(key) ?? [];
        if (!list.includes(field)) list.push(field);
        this.byLabel.set(key, list);
      }
    }
  }

  lookup(name: string): FieldLookup {
    const byId = this.byId.get(name);
    if (byId) return { ok: true, field: byId };
    const matches = this.byLabel.get(name.trim().toLowerCase()) ?? [];
    if (matches.length === 1) return { ok: true, field: matches[0] as FieldDefinition };
    return { ok: false, reason: matches.length > 1 ? 'ambiguous' : 'unknown' };
  }

  label(field: FieldDefinition, locale: 'zh-CN' | 'en'): string {
    return field.label[locale] ?? field.label.en ?? field.label['zh-CN'] ?? field.id;
  }
}
