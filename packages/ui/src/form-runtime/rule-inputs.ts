import { analyze, dependenciesOf } from '@tessera/expr';
import { relatedFields } from '@tessera/forms';
import type { AppDocument, FormDefinition, ObjectDefinition } from '@tessera/schemas';

/**
 * The fields a form's rules and defaults read, and the fields that have a default (emptying one
 * brings its default back on create). A change to any other field cannot change what the rules
 * decide, so the form store skips evaluating them for it: typing in a plain text field of a form
 * with many rules costs no rule run. Null when a formula cannot be analyzed: then every change
 * re-evaluates, as before.
 */
export function ruleInputs(form: FormDefinition, object: ObjectDefinition, document: AppDocument): ReadonlySet<string> | null {
  const options = { fields: object.fields, relatedFields: relatedFields(object, document) };
  const inputs = new Set<string>();
  const sources: string[] = [];
  for (const node of form.nodes) {
    // The form's own default, else the field's (compile-form.ts applies them the same way).
    const source = node.kind === 'field' ? (node.defaultValue ?? object.fields.find((f) => f.id === node.field)?.default) : undefined;
    if (!source) continue;
    sources.push(source);
    if (node.field) inputs.add(node.field);
  }
  for (const rule of form.rules ?? []) {
    sources.push(rule.when);
    for (const effect of rule.effects) if (effect.kind === 'setValue') sources.push(effect.formula);
  }
  for (const source of sources) {
    const checked = analyze(source, options);
    if (!checked.ok) return null;
    for (const id of dependenciesOf(checked.formula).fields) inputs.add(id);
  }
  return inputs;
}
