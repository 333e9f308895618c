import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { type DefaultChoice, defaultKinds, readDefault, takesDefault, writeDefault } from './field-default-choice';

const field = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: 'f', type, label: { en: 'F' }, ...extra });

describe('a field default as the panel edits it', () => {
  it.each<[FieldDefinition['type'], DefaultChoice, string | undefined]>([
    ['text', { kind: 'fixed', value: 'He said "hi"' }, '"He said ""hi"""'],
    ['select', { kind: 'fixed', value: 'planned' }, '"planned"'],
    ['number', { kind: 'fixed', value: 2.5 }, '2.5'],
    ['checkbox', { kind: 'fixed', value: false }, 'FALSE'],
    ['date', { kind: 'fixed', value: '2027-01-05' }, 'DATE(2027, 1, 5)'],
    ['date', { kind: 'today' }, 'TODAY()'],
    ['datetime', { kind: 'now' }, 'NOW()'],
    ['user', { kind: 'current_user' }, 'CURRENTUSER()'],
    ['department', { kind: 'current_department' }, 'CURRENTDEPARTMENT()'],
    ['number', { kind: 'formula', source: '1 + 2' }, '1 + 2'],
    ['text', { kind: 'none' }, undefined],
  ])('%s: %j is kept as %s and read back the same', (type, choice, formula) => {
    expect(writeDefault(field(type), choice)).toBe(formula);
    if (formula !== undefined) expect(readDefault(field(type, { default: formula }))).toEqual(choice);
  });

  it('an empty fixed value or formula is no default', () => {
    expect(writeDefault(field('text'), { kind: 'fixed', value: '' })).toBeUndefined();
    expect(writeDefault(field('text'), { kind: 'formula', source: '  ' })).toBeUndefined();
  });

  it('offers what fits the type, and no default where a formula cannot give the value', () => {
    expect(defaultKinds(field('date'))).toEqual(['none', 'fixed', 'today', 'formula']);
    expect(defaultKinds(field('user'))).toEqual(['none', 'current_user', 'formula']);
    expect(takesDefault(field('attachment'))).toBe(false);
    expect(takesDefault(field('multi_select', { options: [{ value: 'a', label: { en: 'A' } }] }))).toBe(false);
    expect(takesDefault(field('department'))).toBe(true);
  });
});
