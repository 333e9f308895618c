// The table /api/regions serves (a dev dependency only: the browser loads regions one level at a
// time from the server, never the table).
import { REGION_ROOT, regionChildren } from '@tessera/formats';
import { compileForm, compileFormValidator } from '@tessera/forms';
import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { type RegionLevel, type RegionOption, type RegionTree, regionDepth, regionOptions } from './region-path';

/** Every level of the national table, as the cascader holds it once the user has opened everything. */
function wholeTable(): RegionTree {
  const tree: Record<string, ReturnType<typeof regionChildren>> = {};
  const walk = (parent: string) => {
    if (tree[parent]) return;
    tree[parent] = regionChildren(parent);
    for (const child of tree[parent]) walk(child.code);
  };
  walk(REGION_ROOT);
  return tree;
}

/** The validator a form with one region field runs, in the browser and on the server (formValueSchema + FORM_FORMATS). */
function regionValidator(regionLevel: RegionLevel | undefined) {
  const area: FieldDefinition = { id: 'area', type: 'region', label: { en: 'Area' }, ...(regionLevel ? { regionLevel } : {}) };
  const object: ObjectDefinition = { id: 'lead', label: { en: 'Lead' }, fields: [area] };
  const form = {
    id: 'lead_form',
    object: 'lead',
    label: { en: 'Lead' },
    nodes: [
      { id: 'main', kind: 'section' as const, label: { en: 'Main' } },
      { id: 'n_area', kind: 'field' as const, parent: 'main', field: 'area' },
    ],
  };
  const document: AppDocument = { id: 'app', label: { en: 'App' }, objects: [object], forms: [form] };
  const compiled = compileForm(form, object, document);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  const validate = compileFormValidator(compiled.form);
  return (code: string) => validate({ area: code });
}

interface Offered {
  path: string[];
  option: RegionOption;
}

function offered(options: readonly RegionOption[], above: string[] = []): Offered[] {
  return options.flatMap((option) => {
    const path = [...above, option.label];
    return [{ path, option }, ...offered(option.children ?? [], path)];
  });
}

const tree = wholeTable();
const allCodes = new Set(
  Object.values(tree)
    .flat()
    .map((r) => r.code),
);

describe('region options over the real GB/T 2260 table', () => {
  it('has the nine-digit towns this is about, and a validator that refuses them', () => {
    const accepts = regionValidator(undefined);
    for (const city of ['441900', '442000', '460400']) {
      expect(tree[city]!.length).toBeGreaterThan(0);
      expect(tree[city]!.every((town) => town.code.length === 9)).toBe(true);
      expect(accepts(city)).toBe(true);
      expect(accepts(tree[city]![0]!.code)).toBe(false);
    }
  });

  for (const level of ['province', 'city', 'district'] as const) {
    it(`offers only codes a record stores, and every leaf saves, at ${level} level`, () => {
      const accepts = regionValidator(level);
      const all = offered(regionOptions(tree, regionDepth(level), new Set()));
      expect(all.length).toBeGreaterThan(30);
      for (const { path, option } of all) {
        expect(option.value, path.join(' / ')).toMatch(/^\d{6}$/);
        // The whole table is loaded: a region is a leaf or has something to pick under it.
        if (option.isLeaf) expect(accepts(option.value), path.join(' / ')).toBe(true);
        else expect(option.children?.length, path.join(' / ')).toBeGreaterThan(0);
        expect(path.length).toBeLessThanOrEqual(regionDepth(level));
      }
    });
  }

  it('offers every six-digit code of the table at district level, and the cities without districts as leaves', () => {
    const all = offered(regionOptions(tree, regionDepth('district'), new Set()));
    const sixDigit = [...allCodes].filter((code) => code.length === 6);
    expect(new Set(all.map((o) => o.option.value))).toEqual(new Set(sixDigit));
    const leaf = (...path: string[]) => all.find((o) => o.path.join('/') === path.join('/'))?.option;
    expect(leaf('广东省', '东莞市')).toEqual({ value: '441900', label: '东莞市', isLeaf: true });
    expect(leaf('广东省', '中山市')).toEqual({ value: '442000', label: '中山市', isLeaf: true });
    expect(leaf('海南省', '儋州市')).toEqual({ value: '460400', label: '儋州市', isLeaf: true });
    // Municipalities keep their 市辖区 level; 嘉峪关市 its one 市辖区; districts of Hong Kong sit under the region.
    expect(leaf('北京市', '市辖区')).toMatchObject({ value: '110100', isLeaf: false });
    expect(leaf('北京市', '市辖区', '东城区')).toEqual({ value: '110101', label: '东城区', isLeaf: true });
    expect(leaf('甘肃省', '嘉峪关市', '市辖区')).toEqual({ value: '620201', label: '市辖区', isLeaf: true });
    expect(leaf('香港特别行政区', '中西區')).toMatchObject({ value: '810001', isLeaf: true });
  });
});
