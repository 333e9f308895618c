import { describe, expect, it } from 'vitest';
import { catalogProblems } from './catalog-problems';
import { catalogs, translate } from './messages';

describe('UI message catalogs', () => {
  it('have the same keys and placeholders in zh-CN and en, and no empty strings', () => {
    expect(catalogProblems(catalogs)).toEqual([]);
  });

  it('are checked for what would break them', () => {
    expect(catalogProblems({ en: { a: 'Hi {name}', b: 'x', c: ' ' }, 'zh-CN': { a: '你好', c: '空', d: '多' } })).toEqual([
      'b: missing in zh-CN',
      'd: missing in en',
      'a: placeholders differ ({name} / {})',
      'c: empty in en',
    ]);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'list.totalEstimate', { count: '1,200' })).toBe('≈ 1,200 in total');
    expect(translate('zh-CN', 'record.createTitle', { object: '客户' })).toBe('新建客户');
  });
});
