import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { localizeFieldIssues, RecordError } from './record-error';
import { fullAdmin as admin, usePublishedApp } from './test-app';

const app: AppDocument = {
  id: 'territories',
  label: { en: 'Territories' },
  objects: [
    {
      id: 'lead',
      label: { en: 'Lead' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'province', type: 'region', label: { en: 'Province', 'zh-CN': '所在省份' }, regionLevel: 'province' },
        { id: 'city', type: 'region', label: { en: 'City', 'zh-CN': '所在城市' }, regionLevel: 'city' },
        { id: 'district', type: 'region', label: { en: 'District', 'zh-CN': '所在区县' }, regionLevel: 'district' },
      ],
    },
  ],
  forms: [
    {
      id: 'lead_entry',
      object: 'lead',
      label: { en: 'New lead' },
      nodes: [
        { id: 'main', kind: 'section', label: { en: 'Main' } },
        ...['name', 'province', 'city', 'district'].map((field) => ({ id: `n_${field}`, kind: 'field' as const, parent: 'main', field })),
      ],
    },
  ],
};

const published = usePublishedApp(app);
const create = (values: Record<string, unknown>, form?: string) =>
  published.records.create('territories', 'lead', admin, { values, ...(form ? { form } : {}) });

async function refusal(write: Promise<unknown>): Promise<RecordError> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordError);
  return error as RecordError;
}
const issues = (error: RecordError) => error.issues.map((i) => `${i.pointer}:${i.code}`);

describe("a region field's level, on the server", () => {
  it('refuses a crafted code deeper than the field goes, with or without the form', async () => {
    for (const form of [undefined, 'lead_entry']) {
      const error = await refusal(create({ name: 'Crafted', province: '440305', city: '110101', district: '440305' }, form));
      expect(error.code).toBe('record.invalid');
      const code = form ? 'form.region_level' : 'field.region_level';
      expect(issues(error), String(form)).toEqual([`/values/province:${code}`, `/values/city:${code}`]);
    }
    expect((await published.records.list('territories', 'lead', admin, {})).total).toBe(0);
  });

  it('refuses it on an update too', async () => {
    const lead = await create({ name: 'Moves', province: '440000' });
    const error = await refusal(published.records.update('territories', 'lead', admin, String(lead.id), { version: 1, values: { province: '440300' } }));
    expect(issues(error)).toEqual(['/values/province:field.region_level']);
  });

  it('names the field, its level and the code sent, in zh-CN and en', async () => {
    for (const form of [undefined, 'lead_entry']) {
      const error = await refusal(create({ province: '440305' }, form));
      expect(localizeFieldIssues(error.issues, 'zh-CN').map((i) => i.message)).toEqual(['“所在省份”只能填到省级，440305 是区县级行政区划代码']);
      expect(localizeFieldIssues(error.issues, 'en').map((i) => i.message)).toEqual(['"Province" goes down to province level only; 440305 is a district code']);
    }
  });

  it('stores codes at or above the level: a city without districts is a city, municipalities go by their steps', async () => {
    const saved = await create({ name: 'Fits', province: '110000', city: '441900', district: '441900' });
    expect(saved).toMatchObject({ province: '110000', city: '441900', district: '441900' });
    expect(await create({ name: 'Beijing', city: '110100', district: '110101' }, 'lead_entry')).toMatchObject({ city: '110100', district: '110101' });
    expect(await create({ name: 'Coarse', city: '440000', district: '440300' })).toMatchObject({ city: '440000', district: '440300' });
  });

  it('keeps reporting a code that is no region as a format error', async () => {
    const error = await refusal(create({ province: '999999', district: '999999' }));
    expect(issues(error)).toEqual(['/values/province:field.format', '/values/district:field.format']);
    expect(localizeFieldIssues(error.issues, 'en')[0]?.message).toBe('"Province" is not a valid 6-digit code of a province');
  });
});
