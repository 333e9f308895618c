import { compilePolicy, type Principal } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { localizeFieldIssues, RecordError } from './record-error';
import { fullAdmin as admin, usePublishedApp } from './test-app';

/**
 * The demo CRM's deal in small: a lost deal's probability is 0 by the form's rule, a new deal
 * starts at 10 % by the form's default, and a junior rep may not edit the probability at all.
 */
const app: AppDocument = {
  id: 'deals_ro',
  label: { en: 'Deals' },
  objects: [
    {
      id: 'deal',
      label: { en: 'Deal' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
        {
          id: 'stage',
          type: 'select',
          label: { en: 'Stage' },
          options: ['lead', 'negotiation', 'lost'].map((value) => ({ value, label: { en: value } })),
        },
        { id: 'probability', type: 'percent', label: { en: 'Probability', 'zh-CN': '赢率' } },
        { id: 'lost_reason', type: 'long_text', label: { en: 'Reason lost' } },
      ],
    },
  ],
  forms: [
    {
      id: 'deal_form',
      object: 'deal',
      label: { en: 'Deal' },
      nodes: [
        { id: 'n_name', kind: 'field', field: 'name' },
        { id: 'n_stage', kind: 'field', field: 'stage' },
        { id: 'n_probability', kind: 'field', field: 'probability', defaultValue: '0.1' },
        { id: 'n_lost_reason', kind: 'field', field: 'lost_reason' },
      ],
      rules: [
        {
          id: 'lost_is_hopeless',
          when: 'stage = "lost"',
          effects: [
            { kind: 'setValue', field: 'probability', formula: '0' },
            { kind: 'required', field: 'lost_reason', value: true },
          ],
        },
      ],
    },
  ],
  roles: [
    {
      id: 'junior_rep',
      label: { en: 'Junior rep' },
      permissions: [{ object: 'deal', actions: ['create', 'read', 'update'], rows: 'all', readOnlyFields: ['probability'] }],
    },
    {
      id: 'intern',
      label: { en: 'Intern' },
      permissions: [{ object: 'deal', actions: ['create', 'read', 'update'], rows: 'all', hiddenFields: ['probability'] }],
    },
  ],
};

const D1 = '00000000-0000-4000-8000-0000000000d1';
const junior: Principal = { userId: '00000000-0000-4000-8000-000000000001', departmentId: D1, departmentTree: [D1], roles: ['junior_rep'], isAdmin: false };
const rep = compilePolicy(app, junior);
const intern = compilePolicy(app, { ...junior, roles: ['intern'] });
const published = usePublishedApp(app);
const form = 'deal_form';

/** The field issues a refused write names, as `field:code`. */
async function refusal(work: () => Promise<unknown>): Promise<string[]> {
  try {
    await work();
  } catch (error) {
    if (error instanceof RecordError) return error.issues.map((i) => `${i.field}:${i.code}`);
    throw error;
  }
  throw new Error('the write was accepted');
}

async function negotiatingDeal(name: string): Promise<{ id: string; version: number }> {
  const deal = await published.records.create('deals_ro', 'deal', admin, { values: { name, stage: 'negotiation', probability: '0.6' } });
  return { id: String(deal.id), version: Number(deal.version) };
}

describe('a form rule’s value for a field the role has read-only', () => {
  it('is written when the rep saves a deal as lost through the form, and shows in its history', async () => {
    const deal = await negotiatingDeal('ERP rollout');
    const saved = await published.records.update('deals_ro', 'deal', rep, deal.id, {
      version: deal.version,
      form,
      values: { stage: 'lost', lost_reason: 'Budget cut' },
    });
    expect(saved).toMatchObject({ stage: 'lost', lost_reason: 'Budget cut', probability: '0' });
    expect(await published.records.get('deals_ro', 'deal', admin, deal.id)).toMatchObject({ probability: '0', version: deal.version + 1 });
    const history = await published.records.history('deals_ro', 'deal', admin, deal.id);
    expect(history.find((entry) => entry.operation === 'update')?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'probability', old: '0.6', new: '0' })]),
    );

    // Later edits of the lost deal write the rule's value again (unchanged): still accepted.
    const renamed = await published.records.update('deals_ro', 'deal', rep, deal.id, {
      version: deal.version + 1,
      form,
      values: { name: 'ERP rollout (lost)' },
    });
    expect(renamed).toMatchObject({ name: 'ERP rollout (lost)', probability: '0' });
  });

  it('is written on create, with the form’s default when no rule holds', async () => {
    const lost = await published.records.create('deals_ro', 'deal', rep, { form, values: { name: 'Lost at once', stage: 'lost', lost_reason: 'No budget' } });
    expect(lost).toMatchObject({ probability: '0' });
    const fresh = await published.records.create('deals_ro', 'deal', rep, { form, values: { name: 'Fresh lead', stage: 'lead' } });
    expect(fresh).toMatchObject({ probability: '0.1' });
  });

  it('is written for a role that may not even see the field, which it still may not send', async () => {
    const deal = await negotiatingDeal('Hidden hopes');
    const saved = await published.records.update('deals_ro', 'deal', intern, deal.id, {
      version: deal.version,
      form,
      values: { stage: 'lost', lost_reason: 'Went cold' },
    });
    expect(saved).not.toHaveProperty('probability');
    expect(await published.records.get('deals_ro', 'deal', admin, deal.id)).toMatchObject({ stage: 'lost', probability: '0' });
    expect(
      await refusal(() => published.records.update('deals_ro', 'deal', intern, deal.id, { version: deal.version + 1, form, values: { probability: '0.5' } })),
    ).toEqual(['probability:field.role_locked']);
  });

  it('never lets the rep choose the value: one sent for the field is refused, through the form or not', async () => {
    const deal = await negotiatingDeal('Data platform');
    const update = (values: Record<string, unknown>, viaForm: boolean) =>
      published.records.update('deals_ro', 'deal', rep, deal.id, { version: deal.version, values, ...(viaForm ? { form } : {}) });

    expect(await refusal(() => update({ probability: '0.9' }, false))).toEqual(['probability:field.role_locked']);
    expect(await refusal(() => update({ probability: '0.9' }, true))).toEqual(['probability:field.role_locked']);
    // Not even the value the rule would compute: the rule writes it, the rep does not.
    expect(await refusal(() => update({ stage: 'lost', lost_reason: 'x', probability: '0' }, true))).toEqual(['probability:field.role_locked']);
    expect(
      await refusal(() => published.records.create('deals_ro', 'deal', rep, { form, values: { name: 'Crafted', stage: 'lead', probability: '0.9' } })),
    ).toEqual(['probability:field.role_locked']);
    expect(await published.records.get('deals_ro', 'deal', admin, deal.id)).toMatchObject({ stage: 'negotiation', probability: '0.6', version: deal.version });
  });

  it('names the field and the role in the refusal, in the caller’s language', async () => {
    const deal = await negotiatingDeal('Office network');
    try {
      await published.records.update('deals_ro', 'deal', rep, deal.id, { version: deal.version, form, values: { probability: '0.9' } });
      throw new Error('the write was accepted');
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      const [issue] = localizeFieldIssues(error.issues, 'zh-CN');
      expect(issue).toMatchObject({ field: 'probability', pointer: '/values/probability', code: 'field.role_locked' });
      // The role locks it; "set by the system" (field.read_only) is for formula and auto-number fields.
      expect(issue?.message).toBe('您的角色无权修改“赢率”');
      expect(localizeFieldIssues(error.issues, 'en')[0]?.message).toBe('Your role may not change "Probability"');
    }
  });
});
