import { describe, expect, it } from 'vitest';
import { CONTEXT, compiledCustomerForm } from './test-fixtures';
import { formatFormIssue, validateSubmission } from './validate-submission';

const form = compiledCustomerForm();
const codes = (verdict: ReturnType<typeof validateSubmission>) => (verdict.ok ? [] : verdict.issues.map((i) => [i.field, i.code]));

describe('validateSubmission', () => {
  it('accepts a valid create and returns the values to write, defaults and rule values included and named as the form’s', () => {
    const verdict = validateSubmission(form, { name: 'Acme', kind: 'company', uscc: '91350100M000100Y43', amount: '2000000' }, CONTEXT);
    expect(verdict).toEqual({
      ok: true,
      values: { name: 'Acme', kind: 'company', uscc: '91350100M000100Y43', amount: '2000000', level: 'a', note: 'new company' },
      computed: new Set(['level', 'note']),
    });
  });

  it('refuses writes to hidden, read-only and off-form fields', () => {
    const verdict = validateSubmission(
      form,
      { name: 'Ann', kind: 'person', uscc: '91350100M000100Y43', vip: true, discount: '0.5', secret: 'x', code: 'C-1' },
      CONTEXT,
    );
    expect(codes(verdict)).toEqual([
      ['uscc', 'form.field_not_writable'],
      ['discount', 'form.field_not_writable'],
      ['secret', 'form.field_not_writable'],
      ['code', 'form.field_not_writable'],
    ]);
  });

  it('refuses a value other than the one a setValue rule computes, but accepts the same one', () => {
    expect(codes(validateSubmission(form, { name: 'A', amount: '200000', level: 'c' }, CONTEXT))).toEqual([['level', 'form.field_not_writable']]);
    // Sent by the caller, so not counted as the form's own: a caller checking field access sees them as sent.
    const same = validateSubmission(form, { name: 'A', amount: '200000', level: 'b', note: 'new ' }, CONTEXT);
    expect(same.ok && [...same.computed]).toEqual([]);
  });

  it('enforces required-by-rule fields, but never for a hidden field', () => {
    expect(codes(validateSubmission(form, { name: 'Acme', kind: 'company' }, CONTEXT))).toEqual([['uscc', 'form.required']]);
    expect(codes(validateSubmission(form, { name: 'Acme', kind: 'company', uscc: '' }, CONTEXT))).toEqual([['uscc', 'form.required']]);
    expect(codes(validateSubmission(form, { kind: 'person' }, CONTEXT))).toEqual([['name', 'form.required']]);
  });

  it('keeps values within options a rule narrowed, and checks formats', () => {
    expect(codes(validateSubmission(form, { name: 'A', vip: true, tags: ['x', 'z'] }, CONTEXT))).toEqual([['tags', 'form.option']]);
    // The message names the value sent (ajv's errors do not carry it).
    const [unknownOption] = (validateSubmission(form, { name: 'A', tags: ['x', 'w'] }, CONTEXT) as { issues: Parameters<typeof formatFormIssue>[0][] }).issues;
    expect(formatFormIssue(unknownOption!, 'en')).toBe('"w" is not an option of "Tags" here');
    expect(codes(validateSubmission(form, { name: 'A', id_number: '110105194912310021', mobile: '12345' }, CONTEXT))).toEqual([
      ['id_number', 'form.format'],
      ['mobile', 'form.format'],
    ]);
  });

  it('judges an update on the stored record merged with the edit', () => {
    const current = { name: 'Acme', kind: 'company', uscc: '91350100M000100Y43', vip: true, discount: '0.10', note: 'old' };
    const context = { ...CONTEXT, mode: 'update' as const, current };
    expect(validateSubmission(form, { note: 'edited', discount: '0.10' }, context)).toEqual({ ok: true, values: { note: 'edited' }, computed: new Set() });
    expect(codes(validateSubmission(form, { discount: '0.90' }, context))).toEqual([['discount', 'form.field_not_writable']]);
    expect(codes(validateSubmission(form, { uscc: null }, context))).toEqual([['uscc', 'form.required']]);
    // Turning vip off in the same edit makes the discount writable again.
    expect(validateSubmission(form, { vip: false, discount: '0.90' }, context)).toEqual({
      ok: true,
      values: { vip: false, discount: '0.90' },
      computed: new Set(),
    });
    // A rule that holds on the stored record writes its value again on every edit, as the form's own.
    const big = { ...CONTEXT, mode: 'update' as const, current: { name: 'Big', amount: '200000', level: 'b' } };
    expect(validateSubmission(form, { name: 'Bigger' }, big)).toEqual({ ok: true, values: { name: 'Bigger', level: 'b' }, computed: new Set(['level']) });
  });

  it('refuses unknown and prototype keys', () => {
    const body = JSON.parse('{"name": "A", "__proto__": {"x": 1}, "ghost": 1}') as Record<string, unknown>;
    expect(codes(validateSubmission(form, body, CONTEXT))).toEqual([
      ['__proto__', 'form.field_not_writable'],
      ['ghost', 'form.field_not_writable'],
    ]);
  });

  it('formats messages in zh-CN and en with the field label', () => {
    const verdict = validateSubmission(form, { name: 'A', uscc: 'x', kind: 'company', mobile: '1' }, CONTEXT);
    if (verdict.ok) throw new Error('expected issues');
    const mobile = verdict.issues.find((i) => i.field === 'mobile')!;
    expect(formatFormIssue(mobile, 'en')).toBe('"Mobile" is not a valid mobile number');
    expect(formatFormIssue(mobile, 'zh-CN')).toBe('“手机”格式不正确（应为手机号码）');
    const hidden = validateSubmission(form, { name: 'A', secret: 's' }, CONTEXT);
    expect(!hidden.ok && formatFormIssue(hidden.issues[0]!, 'en')).toBe('"secret" cannot be written through this form');
  });
});
