import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFormValidator, type FormValidateFunction, formValidatorSource, formValuesSchema, staticallyRequired } from './form-validator';
import { CUSTOMER_FORM, compiledCustomerForm } from './test-fixtures';

const form = compiledCustomerForm();
const formatsModule = fileURLToPath(new URL('./form-formats.ts', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'tessera-forms-'));
let standalone: FormValidateFunction;

beforeAll(async () => {
  const file = join(directory, 'customer-entry.validator.mjs');
  writeFileSync(file, formValidatorSource(form, formatsModule));
  standalone = ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { validate: FormValidateFunction }).validate;
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('formValuesSchema', () => {
  it('lists the form fields only, with the form formats and the static required fields', () => {
    const schema = formValuesSchema(form) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).not.toContain('secret');
    expect(Object.keys(schema.properties)).not.toContain('code');
    expect(schema.required).toEqual(['name']);
    expect(JSON.stringify(schema.properties.uscc)).toContain('cn-uscc');
  });

  it('takes required-ness from constant rules only when no record-dependent rule can undo it', () => {
    const rules = (when: string) => [
      { id: 'always', when: 'TRUE', effects: [{ kind: 'required' as const, field: 'note', value: true }] },
      { id: 'maybe', when, effects: [{ kind: 'visible' as const, field: 'note', value: false }] },
    ];
    expect(staticallyRequired(compiledCustomerForm({ ...CUSTOMER_FORM, rules: rules('FALSE') }))).toEqual(['name', 'note']);
    expect(staticallyRequired(compiledCustomerForm({ ...CUSTOMER_FORM, rules: rules('vip') }))).toEqual(['name']);
  });
});

describe('formValidatorSource', () => {
  it('is an ES module without require or eval that imports only the formats module', () => {
    const source = formValidatorSource(form);
    expect(source).toMatch(/^import \{ FORM_FORMATS, ucs2length \} from "@tessera\/forms\/formats";/);
    expect(source).not.toMatch(/require\(|new Function|eval\(/);
    expect(source).toContain('export const validate');
  });

  it('checks formats with checksums: USCC, resident id, mobile', () => {
    expect(standalone({ name: 'A', uscc: '91350100M000100Y43' })).toBe(true);
    expect(standalone({ name: 'A', uscc: '91350100M000100Y44' })).toBe(false);
    expect(standalone.errors).toContainEqual(expect.objectContaining({ keyword: 'format', instancePath: '/uscc' }));
    expect(standalone({ name: 'A', id_number: '11010519491231002X' })).toBe(true);
    expect(standalone({ name: 'A', id_number: '110105194912310021' })).toBe(false);
    expect(standalone({ name: 'A', mobile: '13800138000' })).toBe(true);
    expect(standalone({ name: 'A', mobile: '010-12345678' })).toBe(false);
  });

  it('gives the same verdict and errors as the runtime-compiled validator on random values', () => {
    const runtime = compileFormValidator(form);
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('91350100M000100Y43', '11010519491231002X', '13800138000', '12.5', 'x', 'company', '2025-02-29', '😀'.repeat(1001)),
    );
    const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const value = fc.oneof(
      scalar,
      fc.array(fc.oneof(fc.constantFrom('x', 'y', 'z', 'w'), scalar), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 }),
    );
    const keys = [...form.fields.keys(), 'secret', 'ghost'];
    const record = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    fc.assert(
      fc.property(record, (values) => {
        const a = standalone(values);
        const b = runtime(values);
        expect(a).toBe(b);
        expect(standalone.errors ?? null).toEqual(runtime.errors ?? null);
      }),
      { numRuns: 2000 },
    );
  });
});
