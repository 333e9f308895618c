import type { ImportPreview } from './imports-api';

/** Field types a row can be matched on (the server's check-plan.ts allows the same). */
const KEY_TYPES: ReadonlySet<string> = new Set(['text', 'phone', 'email', 'url']);
const RULE_PREFIX = 'rule:';

type Rule = ImportPreview['matchRules'][number];

/** Whether the mapped columns give the rule its values: every field of an exact rule, the name and a contact of a company-name rule. */
function ruleIsFilled(rule: Rule, mapped: ReadonlySet<string>): boolean {
  if (rule.kind === 'exact') return (rule.fields ?? []).every((f) => mapped.has(f));
  return mapped.has(rule.nameField ?? '') && (rule.contactFields ?? []).some((f) => mapped.has(f));
}

/**
 * What the wizard offers to recognise records already there: each mapped text-like field, then
 * each match rule the mapped columns fill (as `rule:<id>`, so a rule and a field never share a value).
 */
export function dedupKeyOptions(preview: ImportPreview, mapping: Record<number, string | null>) {
  const mapped = new Set(Object.values(mapping).filter((f): f is string => Boolean(f)));
  return {
    fields: preview.fields.filter((f) => mapped.has(f.id) && KEY_TYPES.has(f.type)),
    rules: preview.matchRules.filter((r) => ruleIsFilled(r, mapped)),
  };
}

export const ruleKeyValue = (rule: Rule): string => `${RULE_PREFIX}${rule.id}`;

/** The plan's dedup key for a choice of the wizard. */
export function dedupKeyPlan(key: string): { field: string } | { rule: string } {
  return key.startsWith(RULE_PREFIX) ? { rule: key.slice(RULE_PREFIX.length) } : { field: key };
}
