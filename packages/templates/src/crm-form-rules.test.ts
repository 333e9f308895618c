// Test-only cross-package import: the template's forms must compile and run in the real engine.
import { type CompiledForm, compileForm, evaluateForm, validateSubmission } from '@tessera/forms';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCrmSampleData } from './crm-sample-data';
import type { SampleBatch } from './template';
import { loadTemplate } from './template-registry';

const app: AppDocument = loadTemplate('crm')!.document;
const context = { now: Date.parse('2025-06-01T08:00:00Z'), timeZone: 'Asia/Shanghai' };

function compiled(formId: string): CompiledForm {
  const form = app.forms?.find((f) => f.id === formId);
  const object = app.objects.find((o) => o.id === form?.object) as ObjectDefinition;
  const result = compileForm(form!, object, app);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.form;
}

let batches: SampleBatch[];
beforeAll(() => {
  batches = generateCrmSampleData({ seed: 7, referenceDate: '2025-06-01' });
});
const samples = (object: string) => batches.find((b) => b.object === object)?.records ?? [];

describe('the CRM template’s form rules', () => {
  it('compiles every form of the template', () => {
    for (const form of app.forms ?? []) expect(() => compiled(form.id), form.id).not.toThrow();
  });

  it('asks for the close time and a reason exactly when a deal is lost, and fixes its probability', () => {
    const form = compiled('opportunity_form');
    const open = evaluateForm(form, { stage: 'proposal', probability: '50' }, context);
    expect([open.visible.lost_reason, open.visible.closed_at, open.readOnly.probability]).toEqual([false, false, false]);

    const lost = evaluateForm(form, { stage: 'lost', probability: '50' }, context);
    expect([lost.visible.lost_reason, lost.required.lost_reason, lost.required.closed_at]).toEqual([true, true, true]);
    expect([lost.values.probability, lost.readOnly.probability]).toEqual(['0', true]);

    const won = evaluateForm(form, { stage: 'won' }, context);
    expect([won.visible.lost_reason, won.required.closed_at, won.values.probability]).toEqual([false, true, '100']);

    const verdict = validateSubmission(form, { name: 'ERP', customer: crypto.randomUUID(), stage: 'lost', amount: '1000' }, context);
    expect(verdict.ok ? [] : verdict.issues.map((i) => [i.field, i.code])).toEqual([
      ['closed_at', 'form.required'],
      ['lost_reason', 'form.required'],
    ]);
  });

  it('asks for a justification above the 15 % discount threshold only', () => {
    const form = compiled('quote_form');
    expect(evaluateForm(form, { discount: '15' }, context).visible.discount_reason).toBe(false);
    expect(evaluateForm(form, { discount: '20' }, context).required.discount_reason).toBe(true);
  });

  it('shows the customer signature once a contract leaves draft', () => {
    const form = compiled('contract_form');
    expect(evaluateForm(form, { status: 'draft' }, context).visible.customer_signature).toBe(false);
    expect(evaluateForm(form, { status: 'active' }, context).visible.customer_signature).toBe(true);
  });

  it('ships sample deals and quotes that satisfy their own forms', () => {
    const opportunity = compiled('opportunity_form');
    const quote = compiled('quote_form');
    // Auto numbers are historical in the samples (the seeder keeps them); a form never writes one.
    const typed = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([id]) => id !== 'number'));
    const refused = (form: CompiledForm, object: string) =>
      samples(object)
        .map((r) => validateSubmission(form, typed(r.values), context))
        .flatMap((v) => (v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`)));
    expect(refused(opportunity, 'opportunity')).toEqual([]);
    expect(refused(quote, 'quote')).toEqual([]);
    expect(samples('opportunity').some((r) => r.values.stage === 'lost' && typeof r.values.lost_reason === 'string')).toBe(true);
    expect(samples('quote').some((r) => typeof r.values.discount_reason === 'string')).toBe(true);
  });
});
