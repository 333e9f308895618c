import { FORMAT_NAMES } from '@tessera/formats';
import { type AppDocument, FORM_FIELD_FORMATS, type FormDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { checkForm, compileForm } from './compile-form';
import { CUSTOMER, CUSTOMER_APP, CUSTOMER_FORM, compiledCustomerForm } from './test-fixtures';

const withRules = (rules: FormDefinition['rules'], nodes = CUSTOMER_FORM.nodes): AppDocument => ({
  ...CUSTOMER_APP,
  forms: [{ ...CUSTOMER_FORM, nodes, rules }],
});

describe('compileForm', () => {
  it('places the fields in node order and marks constant conditions as static', () => {
    const compiled = compiledCustomerForm();
    expect([...compiled.fields.keys()]).toEqual(['name', 'kind', 'id_number', 'uscc', 'mobile', 'amount', 'level', 'tags', 'vip', 'discount', 'note', 'code']);
    expect(compiled.rules.map((r) => r.staticValue)).toEqual([true, null, null, null]);
  });

  it('treats rules that read the clock or the user as dynamic', () => {
    const document = withRules([
      { id: 'clock', when: 'TODAY() > DATE(2020, 1, 1)', effects: [{ kind: 'visible', field: 'note', value: false }] },
      { id: 'never', when: '1 > 2', effects: [{ kind: 'visible', field: 'note', value: false }] },
    ]);
    const result = compileForm(document.forms![0]!, CUSTOMER, document);
    expect(result.ok && result.form.rules.map((r) => r.staticValue)).toEqual([null, false]);
  });

  it('keeps the schema format list in step with @tessera/formats', () => {
    expect([...FORM_FIELD_FORMATS]).toEqual([...FORMAT_NAMES]);
  });
});

describe('checkForm', () => {
  it('accepts the fixture app', () => {
    expect(checkForm(CUSTOMER_APP)).toEqual([]);
  });

  it('reports unknown fields, fields not on the form and formulas that are not yes/no', () => {
    const issues = checkForm(
      withRules([
        { id: 'a', when: 'nope = 1', effects: [{ kind: 'visible', field: 'ghost', value: true }] },
        { id: 'b', when: 'amount + 1', effects: [{ kind: 'required', field: 'secret', value: true }] },
      ]),
    );
    expect(issues.map((i) => [i.pointer, i.code])).toEqual([
      ['/forms/0/rules/0/when', 'expr.unknown_field'],
      ['/forms/0/rules/0/effects/0/field', 'form.unknown_field'],
      ['/forms/0/rules/1/when', 'form.formula_type'],
      ['/forms/0/rules/1/effects/0/field', 'form.field_not_on_form'],
    ]);
    expect(issues[2]?.params).toEqual({ expected: 'boolean', actual: 'currency' });
  });

  it('reports setValue and default type mismatches and targets a formula cannot fill', () => {
    const nodes = CUSTOMER_FORM.nodes.map((n) => (n.field === 'vip' ? { ...n, defaultValue: '"yes"' } : n));
    const issues = checkForm(
      withRules(
        [
          {
            id: 'a',
            when: 'TRUE',
            effects: [
              { kind: 'setValue', field: 'amount', formula: 'name' },
              { kind: 'setValue', field: 'code', formula: '"x"' },
            ],
          },
          { id: 'a', when: 'TRUE', effects: [{ kind: 'setValue', field: 'level', formula: 'vip' }] },
        ],
        nodes,
      ),
    );
    expect(issues.map((i) => [i.pointer, i.code, i.params.actual])).toEqual([
      ['/forms/0/nodes/9/defaultValue', 'form.value_type', 'text'],
      ['/forms/0/rules/0/effects/0/formula', 'form.value_type', 'text'],
      ['/forms/0/rules/0/effects/1/field', 'form.value_field', undefined],
      ['/forms/0/rules/1/id', 'form.duplicate_rule', undefined],
      ['/forms/0/rules/1/effects/0/formula', 'form.value_type', 'boolean'],
    ]);
  });

  it('reports options outside the field options, on non-select fields, and formats on non-text fields', () => {
    const nodes = CUSTOMER_FORM.nodes.map((n) => (n.field === 'amount' ? { ...n, format: 'email' as const } : n));
    const issues = checkForm(
      withRules(
        [
          {
            id: 'a',
            when: 'TRUE',
            effects: [
              { kind: 'options', field: 'tags', values: ['x', 'w'] },
              { kind: 'options', field: 'note', values: ['x'] },
            ],
          },
        ],
        nodes,
      ),
    );
    expect(issues.map((i) => [i.pointer, i.code])).toEqual([
      ['/forms/0/nodes/6/format', 'form.format_field'],
      ['/forms/0/rules/0/effects/0/values/1', 'form.unknown_option'],
      ['/forms/0/rules/0/effects/1/field', 'form.options_field'],
    ]);
  });

  it('refuses a form that weakens the field’s own rules: a required field made optional, its format replaced', () => {
    const uscc = CUSTOMER.fields.map((f) => (f.id === 'uscc' ? { ...f, format: 'cn-uscc' as const } : f));
    const object = { ...CUSTOMER, fields: uscc };
    const nodes = CUSTOMER_FORM.nodes.map((n) => (n.field === 'uscc' ? { ...n, format: 'email' as const } : n));
    const document: AppDocument = {
      ...CUSTOMER_APP,
      objects: [object],
      forms: [{ ...CUSTOMER_FORM, nodes, rules: [{ id: 'lax', when: 'TRUE', effects: [{ kind: 'required', field: 'name', value: false }] }] }],
    };
    const uscNode = nodes.findIndex((n) => n.field === 'uscc');
    expect(checkForm(document).map((i) => [i.pointer, i.code])).toEqual([
      [`/forms/0/nodes/${uscNode}/format`, 'form.format_replaces_field'],
      ['/forms/0/rules/0/effects/0/value', 'form.required_weakened'],
    ]);
    // Adding a rule is fine: the same format again, "required" on an optional field.
    const adding: AppDocument = {
      ...document,
      forms: [
        {
          ...CUSTOMER_FORM,
          nodes: CUSTOMER_FORM.nodes.map((n) => (n.field === 'uscc' ? { ...n, format: 'cn-uscc' as const } : n)),
          rules: [{ id: 'strict', when: 'TRUE', effects: [{ kind: 'required', field: 'note', value: true }] }],
        },
      ],
    };
    expect(checkForm(adding)).toEqual([]);
  });

  it('leaves forms of unknown objects to the meta checks', () => {
    expect(checkForm({ ...CUSTOMER_APP, forms: [{ ...CUSTOMER_FORM, object: 'ghost' }] })).toEqual([]);
  });
});
