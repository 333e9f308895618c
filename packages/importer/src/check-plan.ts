import type { AccessPolicy } from '@tessera/access';
import { ruleFields } from '@tessera/dedup';
import { RecordError } from '@tessera/records';
import type { FieldDefinition, MatchRule, ObjectDefinition } from '@tessera/schemas';
import { ImportError } from './import-error';
import type { ImportPlan } from './import-plan';
import { importableFields } from './suggest-mapping';

/** Field types a row can be matched on: values compared as the text they are stored as. */
const KEY_TYPES: ReadonlySet<string> = new Set(['text', 'phone', 'email', 'url']);

export interface CheckedPlan {
  /** The mapped fields, by column. */
  columns: { column: number; field: FieldDefinition }[];
  /** The key field, or for a match rule the field its issues name (an exact rule's first, a company-name rule's name). */
  key: FieldDefinition | null;
  /** The object's match rule the rows are matched by, when the key is one. */
  rule: MatchRule | null;
}

/**
 * The plan against the object and the importing user's role: the role must allow `import` (and
 * `create`, and `update` to update matches — the records service asks those itself); every
 * mapped field must exist, be one an import can fill, and be visible and writable to the user;
 * a field is filled by one column only; the dedup key is a mapped text-like field, not encrypted,
 * or a match rule of the object whose fields the user sees and the file fills (`checkRuleKey`).
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
  if (plan.dedup?.rule !== undefined) {
    return { columns, ...(plan.dedup.mode === 'create' ? { key: null, rule: null } : checkRuleKey(object, policy, columns, plan.dedup.rule)) };
  }
  const keyId = plan.dedup && plan.dedup.mode !== 'create' ? plan.dedup.field : null;
  const key = keyId ? (columns.find((c) => c.field.id === keyId)?.field ?? null) : null;
  if (keyId && (!key || !KEY_TYPES.has(key.type) || key.encrypted)) {
    throw new ImportError('import.mapping_invalid', { reason: `"${keyId}" must be a mapped text, phone, e-mail or URL field that is not encrypted` });
  }
  return { columns, key, rule: null };
}

/** The object's match rules a user may match an import's rows by: those reading no field hidden from them. */
export function importableRules(object: ObjectDefinition, hidden: ReadonlySet<string>): MatchRule[] {
  return ((object.matchRules ?? []) as MatchRule[]).filter(
    (rule) =>
      !Object.values(ruleFields([rule]))
        .flat()
        .some((f) => hidden.has(f)),
  );
}

/**
 * A match rule as the key: it must be one of the object's, read no field hidden from the user
 * (matching on it would reveal it), and find its values in the file — every field of an exact
 * rule, the name and at least one contact of a company-name rule.
 */
function checkRuleKey(object: ObjectDefinition, policy: AccessPolicy, columns: CheckedPlan['columns'], ruleId: string): Pick<CheckedPlan, 'key' | 'rule'> {
  const rule = importableRules(object, policy.hiddenFields(object.id)).find((r) => r.id === ruleId);
  if (!rule) throw new ImportError('import.mapping_invalid', { reason: `"${ruleId}" is not a match rule of this object whose fields you see` });
  const mapped = new Map(columns.map((c) => [c.field.id, c.field]));
  const needed = rule.kind === 'exact' ? (rule.fields ?? []) : [rule.nameField ?? ''];
  const contacts = rule.kind === 'exact' ? [] : (rule.contactFields ?? []);
  const unmapped = needed.filter((f) => !mapped.has(f));
  if (unmapped.length > 0 || (contacts.length > 0 && !contacts.some((f) => mapped.has(f)))) {
    const wanted = unmapped.length > 0 ? unmapped.join(', ') : `one of ${contacts.join(', ')}`;
    throw new ImportError('import.mapping_invalid', { reason: `match rule "${rule.id}" needs a column mapped to ${wanted}` });
  }
  return { key: mapped.get(needed[0]!)!, rule };
}
