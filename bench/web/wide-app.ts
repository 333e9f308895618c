import type { AppDocument, FieldDefinition } from '@tessera/schemas';

const KINDS = ['text', 'number', 'date', 'select', 'checkbox', 'currency', 'long_text', 'email'] as const;

/** An object with `count` fields of the common kinds: the "200-field form" of B6. */
export function wideApp(count: number): AppDocument {
  const fields: FieldDefinition[] = Array.from({ length: count }, (_, i) => {
    const type = KINDS[i % KINDS.length]!;
    const id = `f${String(i).padStart(3, '0')}`;
    const label = { en: `Field ${i}`, 'zh-CN': `字段 ${i}` };
    return type === 'select'
      ? {
          id,
          type,
          label,
          options: [
            { value: 'a', label: { en: 'A' } },
            { value: 'b', label: { en: 'B' } },
          ],
        }
      : { id, type, label };
  });
  return {
    id: 'wide',
    label: { en: 'Wide' },
    objects: [{ id: 'wide', label: { en: 'Wide' }, displayField: 'f000', fields }],
  };
}
