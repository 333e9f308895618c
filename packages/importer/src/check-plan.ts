import type { AccessPolicy } from '@tessera/access';
import { RecordError } from '@tessera/records';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { ImportError } from './import-error';
import type { ImportPlan } from './import-plan';
import { importableFields } from './suggest-mapping';

/** Field types a row can be matched on: values compared as the text they are stored as. */
const KEY_TYPES: ReadonlySet<string> = new Set(['text', 'phone', 'email', 'url']);

export interface CheckedPlan {
  /** The mapped fields, by column. */
  columns: { column: number; field: FieldDefinition }[];
  key: FieldDefinition | null;
}

/**
 * The plan against the object and the importing user's role: the role must allow `import` (and
 * `create`, and `update` to update matches — the records service asks those itself); every
 * mapped field must exist, be one an import can fill, and be visible and writable to the user;
 * a field is filled by one column only; the dedup key is a mapped text-like field, not encrypted.
 */
export function checkPlan(object: ObjectDefinition, policy: AccessPolicy, plan: ImportPlan): CheckedPlan {
  if (!policy.can('import', object.id)) throw new RecordError('record.forbidden', [], { action: 'import', object: object.id });
  if (plan.dedup?.mode === 'update' && !policy.can('update', object.id)) throw new RecordError('record.forbidden', [], { action: 'update', object: object.id });
  const allowed = new Map(importableFields(object, policy.hiddenFields(object.id), policy.readOnlyFields(object.id)).map((f) => [f.id, f]));
  const seen = new Set<string>();
  const columns = plan.columns.map(({ column, field }) => {
    const definition = allowed.get(field);
    if (!definition) throw new ImportError('import.mapping_invalid', { reason: `field "${field}" cannot be imported` });
    if (seen.has(field)) throw new ImportError('import.mapping_invalid', { reason: `field "${field}" is mapped twice` });
    seen.add(field);
    return { column, field: definition };
  });
  // An undo puts back what the history row says a field held; an encrypted field's history is sealed.
  const sealed = plan.dedup?.mode === 'update' ? columns.find((c) => c.field.encrypted) : undefined;
  if (sealed) throw new ImportError('import.mapping_invalid', { reason: `encrypted field "${sealed.field.id}" cannot be updated by an import` });
  if (columns.length === 0) throw new ImportError('import.mapping_invalid', { reason: 'no column is mapped' });
  const keyId = plan.dedup && plan.dedup.mode !== 'create' ? plan.dedup.field : null;
  const key = keyId ? (columns.find((c) => c.field.id === keyId)?.field ?? null) : null;
  if (keyId && (!key || !KEY_TYPES.has(key.type) || key.encrypted)) {
    throw new ImportError('import.mapping_invalid', { reason: `"${keyId}" must be a mapped text, phone, e-mail or URL field that is not encrypted` });
  }
  return { columns, key };
}
