import type { AppDocument } from '@tessera/schemas';
import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { draftText, pointerPath, pointerSpan, readDraftText } from './json-draft';

const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [{ id: 'customer', label: { en: 'Customer' }, fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }] }],
};

describe('reading the JSON view’s text', () => {
  it('gives back the document it shows, without problems', () => {
    expect(readDraftText(draftText(app), 'crm')).toEqual({ kind: 'document', document: app, issues: [] });
  });

  it('reports a syntax error where it is, and refuses comments and trailing commas', () => {
    const broken = draftText(app).replace('"CRM"', '"CRM",');
    const read = readDraftText(broken, 'crm');
    expect(read.kind).toBe('syntax');
    if (read.kind !== 'syntax') return;
    expect(read.errors[0]?.offset).toBeGreaterThan(broken.indexOf('"CRM"'));
    expect(readDraftText('// note\n{}', 'crm').kind).toBe('syntax');
    expect(readDraftText('', 'crm').kind).toBe('syntax');
  });

  it('refuses JSON that is not this app’s document', () => {
    expect(readDraftText('[1]', 'crm').kind).toBe('not-this-app');
    expect(readDraftText(draftText({ ...app, id: 'other' }), 'crm').kind).toBe('not-this-app');
  });

  it('places each problem at the element its pointer names', () => {
    const text = draftText({ ...app, objects: [{ ...app.objects[0]!, fields: [{ id: 'name', type: 'nope' as 'text', label: { en: 'Name' } }] }] });
    const read = readDraftText(text, 'crm');
    if (read.kind !== 'document') throw new Error(read.kind);
    const issue = read.issues.find((i) => i.pointer.startsWith('/objects/0/fields/0'));
    expect(issue).toBeDefined();
    expect(text.slice(issue!.offset, issue!.offset + issue!.length)).toMatch(/"type": "nope"|\{/);
  });
});

describe('pointers', () => {
  it('decode ~1 and ~0 and array indexes', () => {
    expect(pointerPath('/objects/0/a~1b/c~0d')).toEqual(['objects', 0, 'a/b', 'c~d']);
    expect(pointerPath('')).toEqual([]);
  });

  it('mark a property with its key, and a missing one at its nearest parent', () => {
    const text = '{\n  "id": "crm",\n  "label": { "en": "CRM" }\n}';
    const root = parseTree(text);
    const span = pointerSpan(root, '/label/en');
    expect(text.slice(span.offset, span.offset + span.length)).toBe('"en": "CRM"');
    const missing = pointerSpan(root, '/label/zh-CN');
    expect(text.slice(missing.offset, missing.offset + missing.length)).toBe('"label": {');
  });
});
