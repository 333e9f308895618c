import { maskValue } from '@tessera/access';
import type { ObjectDefinition } from '@tessera/schemas';
import type { RecordRow } from './record-columns';
import type { RecordContext } from './record-context';
import { RecordError } from './record-error';

/**
 * Encrypts the values of encrypted fields (and of child rows' encrypted fields) just before they
 * are stored: plain text never reaches a column or the history table.
 */
export function sealValues(ctx: RecordContext, object: ObjectDefinition, values: RecordRow): RecordRow {
  const sealed: RecordRow = { ...values };
  for (const field of object.fields) {
    const value = values[field.id];
    if (field.encrypted && typeof value === 'string' && value !== '') {
      if (!ctx.cipher) throw new RecordError('record.encryption_unavailable', [], { field: field.id });
      sealed[field.id] = ctx.cipher.encrypt(value);
    }
    if (field.type === 'child_table' && Array.isArray(value)) {
      const child = ctx.app.objects.get(field.target ?? '');
      if (child) sealed[field.id] = value.map((row: RecordRow) => sealValues(ctx, child, row));
    }
  }
  return sealed;
}

/** Plain text for the record page; `••••1234` for lists, timelines and anything shown in bulk. */
export function openRow(ctx: RecordContext, object: ObjectDefinition, row: RecordRow, view: 'full' | 'masked'): RecordRow {
  const encrypted = object.fields.filter((f) => f.encrypted && typeof row[f.id] === 'string');
  if (encrypted.length === 0) return row;
  const opened: RecordRow = { ...row };
  for (const field of encrypted) {
    const plain = ctx.cipher ? ctx.cipher.decrypt(String(row[field.id])) : null;
    opened[field.id] = plain === null ? '••••' : view === 'full' ? plain : maskValue(plain);
  }
  return opened;
}
