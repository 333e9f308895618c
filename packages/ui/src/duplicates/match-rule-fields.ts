import type { ObjectDefinition } from '@tessera/schemas';

/** The fields the object's match rules read: a create, or an edit touching one of them, is checked for duplicates before saving. */
export function matchRuleFields(object: ObjectDefinition): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const rule of object.matchRules ?? []) {
    for (const id of [...(rule.fields ?? []), ...(rule.contactFields ?? []), ...(rule.nameField ? [rule.nameField] : [])]) fields.add(id);
  }
  return fields;
}
