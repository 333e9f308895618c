import type { AppDocument, FieldDefinition, FieldType, MatchRule } from '@tessera/schemas';
import type { MetaIssue } from './issue';

/** Values an exact rule can compare once normalized: typed keys, never sealed ones. */
const EXACT_TYPES: ReadonlySet<FieldType> = new Set(['text', 'phone', 'email', 'url', 'auto_number']);
/** A company name is typed text. */
const NAME_TYPES: ReadonlySet<FieldType> = new Set(['text']);
/** Contact fields: a phone or an e-mail (or a text field holding one). */
const CONTACT_TYPES: ReadonlySet<FieldType> = new Set(['text', 'phone', 'email']);

function checkRuleField(
  fields: ReadonlyMap<string, FieldDefinition>,
  objectId: string,
  id: string,
  allowed: ReadonlySet<FieldType>,
  pointer: string,
  issues: MetaIssue[],
): void {
  const field = fields.get(id);
  if (!field) issues.push({ pointer, code: 'meta.unknown_field', params: { object: objectId, id } });
  else if (!allowed.has(field.type) || field.encrypted)
    issues.push({ pointer, code: 'meta.match_field_type', params: { id, type: field.type, allowed: [...allowed].join(', ') } });
}

function checkRule(rule: MatchRule, fields: ReadonlyMap<string, FieldDefinition>, objectId: string, pointer: string, issues: MetaIssue[]): void {
  if (rule.kind === 'exact') {
    rule.fields?.forEach((id, i) => checkRuleField(fields, objectId, id, EXACT_TYPES, `${pointer}/fields/${i}`, issues));
    return;
  }
  if (rule.nameField) checkRuleField(fields, objectId, rule.nameField, NAME_TYPES, `${pointer}/nameField`, issues);
  rule.contactFields?.forEach((id, i) => checkRuleField(fields, objectId, id, CONTACT_TYPES, `${pointer}/contactFields/${i}`, issues));
}

/** Every match rule names fields of its own object, of types it can compare, under an id used once. */
export function checkMatchRules(app: AppDocument): MetaIssue[] {
  const issues: MetaIssue[] = [];
  app.objects.forEach((object, o) => {
    const fields = new Map(object.fields.map((f) => [f.id, f] as const));
    const first = new Map<string, string>();
    (object.matchRules ?? []).forEach((rule, r) => {
      const pointer = `/objects/${o}/matchRules/${r}`;
      const earlier = first.get(rule.id);
      if (earlier) issues.push({ pointer: `${pointer}/id`, code: 'meta.duplicate_id', params: { id: rule.id, first: earlier } });
      else first.set(rule.id, `${pointer}/id`);
      checkRule(rule, fields, object.id, pointer, issues);
    });
  });
  return issues;
}
