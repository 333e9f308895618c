import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AppDocument, FormDefinition, ObjectDefinition } from '@tessera/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompiledForm, compileForm } from './compile-form';
import { compileFormValidator, type FormValidateFunction, formValidatorSource } from './form-validator';
import { CONTEXT } from './test-fixtures';
import { formatFormIssue, validateSubmission } from './validate-submission';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const LEAD: ObjectDefinition = {
  id: 'lead',
  label: label('Lead', '线索'),
  fields: [
    { id: 'province', type: 'region', label: label('Province', '所在省份'), regionLevel: 'province' },
    { id: 'city', type: 'region', label: label('City', '所在城市'), regionLevel: 'city' },
    { id: 'district', type: 'region', label: label('District', '所在区县'), regionLevel: 'district' },
    { id: 'area', type: 'region', label: label('Area', '地区') },
  ],
};
const FORM: FormDefinition = {
  id: 'lead_entry',
  object: 'lead',
  label: label('New lead', '新线索'),
  nodes: [
    { id: 'main', kind: 'section', label: label('Main', '基本') },
    ...LEAD.fields.map((f) => ({ id: `n_${f.id}`, kind: 'field' as const, parent: 'main', field: f.id })),
  ],
};
const document: AppDocument = { id: 'app', label: label('App', '应用'), objects: [LEAD], forms: [FORM] };

function compiled(): CompiledForm {
  const result = compileForm(FORM, LEAD, document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.form;
}

const form = compiled();
const codes = (values: Record<string, unknown>) => {
  const verdict = validateSubmission(form, values, CONTEXT);
  return verdict.ok ? [] : verdict.issues.map((i) => [i.field, i.code]);
};

const directory = mkdtempSync(join(tmpdir(), 'tessera-region-level-'));
let standalone: FormValidateFunction;
beforeAll(async () => {
  const file = join(directory, 'lead-entry.validator.mjs');
  writeFileSync(file, formValidatorSource(form, fileURLToPath(new URL('./form-formats.ts', import.meta.url))));
  standalone = ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { validate: FormValidateFunction }).validate;
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("a region field's level", () => {
  it('refuses a code deeper than the level, whatever the picker would have offered', () => {
    expect(codes({ province: '440305', city: '440305', district: '440305' })).toEqual([
      ['province', 'form.region_level'],
      ['city', 'form.region_level'],
    ]);
    expect(codes({ province: '440300' })).toEqual([['province', 'form.region_level']]);
    expect(codes({ city: '110101' })).toEqual([['city', 'form.region_level']]);
  });

  it('takes codes at or above the level, a city without districts as a city, and municipalities by their steps', () => {
    expect(codes({ province: '440000', city: '440300', district: '440305', area: '440305' })).toEqual([]);
    expect(codes({ province: '110000', city: '110100', district: '110101' })).toEqual([]);
    expect(codes({ city: '441900', district: '441900', area: '442000' })).toEqual([]);
    expect(codes({ city: '440000', district: '440000' })).toEqual([]);
  });

  it('still reports a code that is no region as a format error', () => {
    expect(codes({ province: '999999', city: '441900001', area: '999999' })).toEqual([
      ['province', 'form.format'],
      ['city', 'form.max_length'],
      ['area', 'form.format'],
    ]);
  });

  it('names the field, the level and the code sent, in zh-CN and en', () => {
    const verdict = validateSubmission(form, { province: '440305', city: '110101' }, CONTEXT);
    if (verdict.ok) throw new Error('accepted');
    expect(verdict.issues.map((issue) => formatFormIssue(issue, 'zh-CN'))).toEqual([
      '“所在省份”只能填到省级，440305 是区县级行政区划代码',
      '“所在城市”只能填到市级，110101 是区县级行政区划代码',
    ]);
    expect(verdict.issues.map((issue) => formatFormIssue(issue, 'en'))).toEqual([
      '"Province" goes down to province level only; 440305 is a district code',
      '"City" goes down to city level only; 110101 is a district code',
    ]);
    const [unknown] = (validateSubmission(form, { province: '999999' }, CONTEXT) as { issues: Parameters<typeof formatFormIssue>[0][] }).issues;
    expect(formatFormIssue(unknown!, 'en')).toBe('"Province" is not a valid 6-digit code of a province');
  });

  it('gets the same verdict from the browser’s standalone validator as from the server’s', () => {
    const server = compileFormValidator(form);
    const samples = ['440000', '440300', '440305', '441900', '110100', '110101', '419001', '810001', '999999'];
    for (const field of ['province', 'city', 'district', 'area']) {
      for (const code of samples) expect(standalone({ [field]: code }), `${field} ${code}`).toBe(server({ [field]: code }));
    }
    expect(standalone({ province: '440305' })).toBe(false);
    expect(standalone({ city: '441900' })).toBe(true);
  });
});
