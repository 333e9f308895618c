import { describe, expect, it } from 'vitest';
import { localizeIssues } from './issue';
import { mapField, mapObject, salesApp, withField } from './test-fixtures';
import { draftProblems, validateDocument } from './validate-document';

function issuesOf(document: unknown) {
  const verdict = validateDocument(document);
  return verdict.ok ? [] : verdict.issues;
}

describe('validateDocument', () => {
  it('accepts a well-formed app', () => {
    expect(validateDocument(salesApp()).ok).toBe(true);
  });

  it('reads a half-built draft’s meaning past a structural error elsewhere (draftProblems), where validateDocument stops at the structure', () => {
    let draft = mapField(salesApp(), 'customer', 'name', (f) => ({ ...f, label: {} }));
    draft = { ...draft, objects: draft.objects.map((o, i) => (i === 0 ? { ...o, displayField: 'gone' } : o)) };
    const codes = (issues: readonly { pointer: string; code: string }[]) => issues.map((i) => `${i.pointer} ${i.code}`);
    expect(codes(issuesOf(draft))).not.toContain('/objects/0/displayField meta.unknown_field');
    expect(codes(draftProblems(draft))).toEqual(expect.arrayContaining(['/objects/0/displayField meta.unknown_field', ...codes(issuesOf(draft))]));
    expect(draftProblems(salesApp())).toEqual([]);
  });

  it('names the pointer and rule of a structural error, in both languages', () => {
    const bad = mapField(salesApp(), 'customer', 'name', (f) => ({ ...f, id: 'Bad Name' }));
    const issues = issuesOf(bad);
    expect(issues).toContainEqual({ pointer: '/objects/0/fields/0/id', code: 'schema.pattern', params: { limit: '' } });
    const [en] = localizeIssues(issues, 'en');
    const [zh] = localizeIssues(issues, 'zh-CN');
    expect(en?.message).toMatch(/lower-case letters/);
    expect(zh?.message).toMatch(/小写字母/);
  });

  it('refuses a form that weakens a field’s rules, and field rules on types that cannot take them, with pointers in both languages', () => {
    let app = mapField(salesApp(), 'customer', 'name', (f) => ({ ...f, format: 'cn-uscc' as const }));
    app = withField(app, 'customer', { id: 'score', type: 'number', label: { en: 'Score' }, format: 'email', normalize: { trim: true } });
    app = {
      ...app,
      forms: [
        {
          id: 'customer_form',
          object: 'customer',
          label: { en: 'Customer' },
          nodes: [{ id: 'n1', kind: 'field', field: 'name', format: 'cn-mobile' }],
          rules: [{ id: 'lax', when: 'TRUE', effects: [{ kind: 'required', field: 'name', value: false }] }],
        },
      ],
    };
    const issues = issuesOf(app);
    const score = app.objects[0]!.fields.length - 1;
    expect(issues.map((i) => [i.pointer, i.code])).toEqual(
      expect.arrayContaining([
        [`/objects/0/fields/${score}/format`, 'meta.format_field'],
        [`/objects/0/fields/${score}/normalize`, 'meta.normalize_field'],
        ['/forms/0/nodes/0/format', 'form.format_replaces_field'],
        ['/forms/0/rules/0/effects/0/value', 'form.required_weakened'],
      ]),
    );
    const weakened = issues.filter((i) => i.code === 'form.required_weakened');
    expect(localizeIssues(weakened, 'zh-CN')[0]!.message).toBe('字段 name 在对象上是必填的，表单规则不能把它改为选填');
    expect(localizeIssues(weakened, 'en')[0]!.message).toBe('Field name is required on the object; a form rule cannot make it optional');
  });

  it('requires the settings a field type cannot do without', () => {
    const bad = withField(salesApp(), 'customer', { id: 'owner_company', type: 'relation', label: { en: 'X' } });
    expect(issuesOf(bad)).toContainEqual(expect.objectContaining({ pointer: '/objects/0/fields/5', code: 'schema.required', params: { missing: 'target' } }));
  });

  it('rejects unknown properties and non-objects', () => {
    expect(issuesOf({ ...salesApp(), surprise: 1 })).toContainEqual(expect.objectContaining({ pointer: '/surprise', code: 'schema.additionalProperties' }));
    expect(issuesOf('not an app')).toContainEqual(expect.objectContaining({ pointer: '', code: 'schema.type' }));
  });

  it('finds duplicate ids, reserved names and dangling references', () => {
    let app = withField(salesApp(), 'customer', { id: 'name', type: 'text', label: { en: 'Again' } });
    app = withField(app, 'customer', { id: 'owner_id', type: 'text', label: { en: 'Owner' } });
    app = withField(app, 'opportunity', { id: 'partner', type: 'relation', label: { en: 'Partner' }, target: 'partner' });
    app = withField(app, 'opportunity', { id: 'line', type: 'relation', label: { en: 'Line' }, target: 'quote_line' });
    app = mapObject(app, 'opportunity', (o) => ({ ...o, displayField: 'amount' }));
    app = {
      ...app,
      forms: [
        {
          id: 'f',
          object: 'customer',
          label: { en: 'F' },
          nodes: [
            { id: 's', kind: 'section' },
            { id: 'n', kind: 'field', parent: 's', field: 'nope' },
          ],
        },
      ],
    };
    const codes = issuesOf(app).map((i) => `${i.code}@${i.pointer}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'meta.duplicate_id@/objects/0/fields/5/id',
        'meta.reserved_name@/objects/0/fields/6/id',
        'meta.unknown_object@/objects/1/fields/3/target',
        'meta.relation_to_child@/objects/1/fields/4/target',
        'meta.display_field_type@/objects/1/displayField',
        'meta.unknown_field@/forms/0/nodes/1/field',
      ]),
    );
  });

  it('checks child tables point at a child of the same object', () => {
    const app = mapObject(salesApp(), 'quote_line', (o) => ({ ...o, parent: 'customer' }));
    expect(issuesOf(app)).toContainEqual(expect.objectContaining({ code: 'meta.child_target', pointer: '/objects/2/fields/1/target' }));
  });

  it('checks list views refer to real fields', () => {
    const app = mapObject(salesApp(), 'customer', (o) => ({
      ...o,
      views: [{ id: 'v', label: { en: 'V' }, sort: [{ field: 'ghost' }], columns: ['created_at', 'nope'] }],
    }));
    const pointers = issuesOf(app).map((i) => i.pointer);
    expect(pointers).toEqual(['/objects/0/views/0/sort/0/field', '/objects/0/views/0/columns/1']);
  });
});

describe('formula fields', () => {
  const formula = (id: string, source: string, resultType: 'number' | 'text' | 'currency' = 'number') => ({
    id,
    type: 'formula' as const,
    label: { en: id },
    formula: source,
    resultType,
  });

  it('accepts formulas that typecheck, including sums over child tables', () => {
    let app = withField(salesApp(), 'quote_line', formula('doubled', 'quantity * 2'));
    app = withField(app, 'quote', formula('units', 'SUM(lines.quantity)'));
    app = withField(app, 'customer', formula('grade', 'IF([Revenue] > 100000, "A", "B")', 'text'));
    expect(validateDocument(app).ok).toBe(true);
  });

  it('names the field, the rule and the range of a bad formula, a cycle, a wrong result type and a rollup', () => {
    let app = withField(salesApp(), 'customer', formula('bad', 'revenue + nope'));
    app = withField(app, 'customer', formula('a', 'b + 1'));
    app = withField(app, 'customer', formula('b', 'a + 1'));
    app = withField(app, 'customer', formula('label', '"x" & name'));
    app = withField(app, 'customer', formula('deals', 'COUNT(opps)'));
    app = withField(app, 'customer', { id: 'opps', type: 'relation', label: { en: 'Opps' }, target: 'opportunity' });
    const issues = issuesOf(app);
    expect(issues).toContainEqual(
      expect.objectContaining({ pointer: '/objects/0/fields/5/formula', code: 'expr.unknown_field', params: expect.objectContaining({ start: 10, end: 14 }) }),
    );
    expect(issues.some((i) => i.code === 'expr.cycle' && ['/objects/0/fields/6/formula', '/objects/0/fields/7/formula'].includes(i.pointer))).toBe(true);
    expect(issues).toContainEqual(
      expect.objectContaining({
        pointer: '/objects/0/fields/8/formula',
        code: 'meta.formula_type',
        params: { field: 'label', actual: 'text', expected: 'number' },
      }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ pointer: '/objects/0/fields/9/formula', code: 'meta.formula_rollup' }));
    const en = localizeIssues(
      issues.filter((i) => i.code === 'expr.unknown_field'),
      'en',
    )[0];
    expect(en?.message).toMatch(/nope/);
  });
});

describe('role row formulas', () => {
  it('must typecheck against the object and be yes/no', () => {
    const app = {
      ...salesApp(),
      roles: [
        {
          id: 'r',
          label: { en: 'R' },
          permissions: [
            { object: 'customer', actions: ['read' as const], rowFormula: '[Tier] = "a"' },
            { object: 'customer', actions: ['read' as const], rowFormula: 'revenue + 1' },
            { object: 'customer', actions: ['read' as const], rowFormula: 'ghost = 1' },
          ],
        },
      ],
    };
    const issues = issuesOf(app);
    expect(issues.map((i) => `${i.pointer}:${i.code}`)).toEqual([
      '/roles/0/permissions/1/rowFormula:meta.formula_type',
      '/roles/0/permissions/2/rowFormula:expr.unknown_field',
    ]);
  });
});

describe('form choices', () => {
  it('a default form and a role’s form must be forms of the same object, named in both languages', () => {
    const base = salesApp();
    const forms = [
      { id: 'customer_form', object: 'customer', label: { en: 'Customer' }, nodes: [] },
      { id: 'customer_short', object: 'customer', label: { en: 'Short' }, nodes: [] },
      { id: 'quote_form', object: 'quote', label: { en: 'Quote' }, nodes: [] },
    ];
    const good = {
      ...mapObject({ ...base, forms }, 'customer', (o) => ({ ...o, defaultForm: 'customer_short' })),
      roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['read' as const], form: 'customer_form' }] }],
    };
    expect(issuesOf(good)).toEqual([]);
    const bad = {
      ...mapObject({ ...base, forms }, 'customer', (o) => ({ ...o, defaultForm: 'quote_form' })),
      roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['read' as const], form: 'ghost' }] }],
    };
    const issues = issuesOf(bad);
    expect(issues.map((i) => `${i.pointer}:${i.code}`)).toEqual(['/objects/0/defaultForm:meta.unknown_form', '/roles/0/permissions/0/form:meta.unknown_form']);
    expect(localizeIssues(issues.slice(0, 1), 'en')[0]?.message).toBe('Object "customer" has no form "quote_form"');
    expect(localizeIssues(issues.slice(0, 1), 'zh-CN')[0]?.message).toBe('对象“customer”没有表单“quote_form”');
  });
});

describe('form rules', () => {
  it('are checked at publish: formulas typecheck and are yes/no, effects name fields on the form', () => {
    const app = {
      ...salesApp(),
      forms: [
        {
          id: 'quick',
          object: 'customer',
          label: { en: 'Quick' },
          nodes: [
            { id: 's', kind: 'section' as const },
            { id: 'n', kind: 'field' as const, parent: 's', field: 'name' },
            { id: 't', kind: 'field' as const, parent: 's', field: 'tier' },
          ],
          rules: [
            { id: 'ok', when: '[Tier] = "a"', effects: [{ kind: 'required' as const, field: 'name', value: true }] },
            { id: 'bad', when: 'revenue + 1', effects: [{ kind: 'visible' as const, field: 'name', value: false }] },
          ],
        },
      ],
    };
    const issues = issuesOf(app);
    expect(issues.map((i) => i.pointer)).toEqual(['/forms/0/rules/1/when']);
    expect(issues[0]?.code).toBe('form.formula_type');
  });
});
