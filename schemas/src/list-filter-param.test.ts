import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeListFilters, encodeListFilters } from './list-filter-param';
import { FILTER_OPERATORS } from './object.schema';

const condition = fc.record(
  {
    field: fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
    op: fc.constantFrom(...FILTER_OPERATORS),
    value: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 })),
  },
  { requiredKeys: ['field', 'op'] },
);

describe('list filters in a URL parameter', () => {
  it('gives back exactly the conditions it was given, Chinese text and lists included', () => {
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 8 }), (filters) => {
        const param = encodeListFilters(filters);
        expect(param).toMatch(/^1\.[A-Za-z0-9_-]*$/);
        expect(decodeListFilters(param)).toEqual({ ok: true, filters });
      }),
    );
    const filters = [{ field: 'name', op: 'contains' as const, value: '华为（北京）' }];
    expect(decodeListFilters(encodeListFilters(filters))).toEqual({ ok: true, filters });
  });

  it('refuses another version rather than misreading it', () => {
    const param = encodeListFilters([{ field: 'name', op: 'eq', value: 'x' }]);
    expect(decodeListFilters(`2${param.slice(1)}`)).toEqual({ ok: false, reason: 'version' });
  });

  it.each([
    ['no version', 'W10'],
    ['not base64url', '1.***'],
    ['not JSON', `1.${btoa('{oops').replace(/=+$/, '')}`],
    ['not a list', `1.${btoa('{"field":"a","op":"eq"}').replace(/=+$/, '')}`],
    ['an unknown operator', `1.${btoa('[{"field":"a","op":"drop table"}]').replace(/=+$/, '')}`],
    ['an extra key', `1.${btoa('[{"field":"a","op":"eq","value":1,"sql":"x"}]').replace(/=+$/, '')}`],
    ['a field id that cannot be one', `1.${btoa('[{"field":"A b","op":"eq"}]').replace(/=+$/, '')}`],
    ['bytes that are not UTF-8', `1.${btoa('\xff\xfe').replace(/=+$/, '')}`],
    ['too long', `1.${'A'.repeat(9000)}`],
  ])('refuses %s as malformed', (_, param) => {
    expect(decodeListFilters(param)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses more conditions than the records API takes', () => {
    const many = Array.from({ length: 51 }, () => ({ field: 'a', op: 'is_empty' as const }));
    expect(decodeListFilters(encodeListFilters(many))).toEqual({ ok: false, reason: 'malformed' });
  });
});
