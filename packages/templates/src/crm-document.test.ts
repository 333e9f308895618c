import { SYSTEM_COLUMNS, TEXT_LIKE_TYPES, validateDocument } from '@tessera/meta';
import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { listTemplates, loadTemplate } from './template-registry';

const isSystemColumn = (id: string): boolean => (SYSTEM_COLUMNS as readonly string[]).includes(id);

const loaded = loadTemplate('crm');
if (!loaded) throw new Error('crm template missing');
const app: AppDocument = loaded.document;
const objects = new Map(app.objects.map((o) => [o.id, o] as const));
const fieldOf = (object: ObjectDefinition, id: string): FieldDefinition | undefined => object.fields.find((f) => f.id === id);

describe('crm app document', () => {
  it('passes the metadata store validation a publish runs (schema and semantic checks)', () => {
    const verdict = validateDocument(app);
    expect(verdict.ok ? [] : verdict.issues).toEqual([]);
    // The validator is not vacuous: a broken copy fails.
    const broken = structuredClone(app) as { objects: { fields: { type: string }[] }[] };
    (broken.objects[0]?.fields[0] ?? { type: '' }).type = 'bogus';
    expect(validateDocument(broken).ok).toBe(false);
  });

  it('checks the credit code as a unified social credit code, with its check character (issue 18)', () => {
    const customer = objects.get('customer')!;
    expect(fieldOf(customer, 'credit_code')?.format).toBe('cn-uscc');
    // Every field that holds a formatted value says so: phones, e-mails and URLs by their type, text by its format.
    const formatted = app.objects.flatMap((o) => o.fields.filter((f) => ['phone', 'email', 'url'].includes(f.type) || f.format).map((f) => `${o.id}.${f.id}`));
    expect(formatted).toEqual(['customer.credit_code', 'customer.phone', 'customer.email', 'customer.website', 'contact.mobile', 'contact.email']);
  });

  it('is listed and loads as a fresh copy each time', () => {
    expect(listTemplates().map((t) => t.id)).toEqual(['crm']);
    expect(loadTemplate('nope')).toBeNull();
    const copy = loadTemplate('crm');
    copy?.document.objects.pop();
    expect(loadTemplate('crm')?.document.objects).toHaveLength(app.objects.length);
  });

  it('has the CRM objects, each with a text-like display field', () => {
    expect(app.id).toBe('crm');
    expect([...objects.keys()]).toEqual(['customer', 'contact', 'opportunity', 'visit', 'contract', 'quote', 'quote_line', 'sales_target']);
    for (const object of app.objects) {
      const display = fieldOf(object, object.displayField ?? '');
      expect(display, object.id).toBeDefined();
      expect(display && TEXT_LIKE_TYPES.has(display.type), `${object.id}.${display?.id}`).toBe(true);
      expect(new Set(object.fields.map((f) => f.id)).size, object.id).toBe(object.fields.length);
      for (const field of object.fields) expect(isSystemColumn(field.id) || ['parent_id', 'sort_index'].includes(field.id), field.id).toBe(false);
    }
  });

  it('labels everything in zh-CN and en', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}/${i}`));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (['label', 'pluralLabel', 'description'].includes(key)) {
            const text = value as Record<string, unknown>;
            if (typeof text['zh-CN'] !== 'string' || typeof text.en !== 'string') missing.push(`${path}/${key}`);
          } else walk(value, `${path}/${key}`);
        }
      }
    };
    walk(app, '');
    expect(missing).toEqual([]);
    expect(app.objects.every((o) => o.fields.every((f) => f.label))).toBe(true);
  });

  it('points every relation and child table at an existing object', () => {
    for (const object of app.objects) {
      for (const field of object.fields) {
        if (field.type !== 'relation' && field.type !== 'child_table') continue;
        const target = objects.get(field.target ?? '');
        expect(target, `${object.id}.${field.id}`).toBeDefined();
        // Relations point at top-level objects; a child table at a child of this object.
        if (field.type === 'relation') expect(target?.parent).toBeUndefined();
        else expect(target?.parent).toBe(object.id);
      }
    }
    expect(fieldOf(objects.get('quote') as ObjectDefinition, 'lines')).toMatchObject({ type: 'child_table', target: 'quote_line' });
  });

  it('builds forms from sections whose field nodes exist on the object', () => {
    const main = ['customer', 'contact', 'opportunity', 'visit', 'contract', 'quote'];
    expect((app.forms ?? []).map((f) => f.object).sort()).toEqual([...main].sort());
    for (const form of app.forms ?? []) {
      const object = objects.get(form.object) as ObjectDefinition;
      const sections = new Set(form.nodes.filter((n) => n.kind === 'section').map((n) => n.id));
      expect(new Set(form.nodes.map((n) => n.id)).size).toBe(form.nodes.length);
      for (const node of form.nodes.filter((n) => n.kind === 'field')) {
        expect(fieldOf(object, node.field ?? ''), `${form.id}: ${node.field}`).toBeDefined();
        expect(sections.has(node.parent ?? ''), `${form.id}: ${node.id}`).toBe(true);
      }
      for (const field of object.fields.filter((f) => f.required)) {
        expect(
          form.nodes.some((n) => n.field === field.id),
          `${form.id} lacks required ${field.id}`,
        ).toBe(true);
      }
    }
  });

  it('filters and sorts list views on existing fields, with select values among the options', () => {
    for (const object of app.objects) {
      const exists = (id: string) => isSystemColumn(id) || fieldOf(object, id) !== undefined;
      if (!object.parent) expect(object.views?.length, object.id).toBeGreaterThanOrEqual(1);
      for (const view of object.views ?? []) {
        for (const filter of view.filters ?? []) {
          expect(exists(filter.field), `${object.id}/${view.id}: ${filter.field}`).toBe(true);
          const field = fieldOf(object, filter.field);
          if (field?.type !== 'select') continue;
          const options = (field.options ?? []).map((o) => o.value);
          for (const value of [filter.value].flat()) expect(options, `${view.id}`).toContain(value);
        }
        for (const key of view.sort ?? []) expect(exists(key.field), `${object.id}/${view.id}: ${key.field}`).toBe(true);
        for (const column of view.columns ?? []) expect(exists(column), `${object.id}/${view.id}: ${column}`).toBe(true);
      }
    }
  });

  it('navigates to the main objects and defines the six roles', () => {
    const nav = app.navigation ?? [];
    const navIds = new Set(nav.map((n) => n.id));
    for (const item of nav) {
      if (item.object) expect(objects.has(item.object)).toBe(true);
      if (item.parent) expect(navIds.has(item.parent)).toBe(true);
    }
    expect(nav.flatMap((n) => (n.object ? [n.object] : [])).sort()).toEqual(['contact', 'contract', 'customer', 'opportunity', 'quote', 'visit']);
    expect((app.roles ?? []).map((r) => r.id)).toEqual(['sales_rep', 'sales_manager', 'sales_director', 'finance', 'legal', 'admin']);
  });

  it('gives opportunity stages the funnel order and GB/T 4754 industry sections A–T', () => {
    const stage = fieldOf(objects.get('opportunity') as ObjectDefinition, 'stage');
    expect(stage?.options?.map((o) => o.value)).toEqual(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
    const industry = fieldOf(objects.get('customer') as ObjectDefinition, 'industry');
    expect(industry?.options?.map((o) => o.value).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
  });
});
