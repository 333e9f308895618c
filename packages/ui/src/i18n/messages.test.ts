import { beforeAll, describe, expect, it } from 'vitest';
import { catalogProblems } from './catalog-problems';
import { catalogOf, loadMessages, messagesLoaded, translate } from './messages';

describe('UI message catalogs', () => {
  it('are loaded one language at a time, and refuse to translate before', async () => {
    expect(messagesLoaded('en')).toBe(false);
    expect(() => translate('en', 'common.retry')).toThrow(/before loadMessages\('en'\)/);
    await loadMessages('en');
    expect([messagesLoaded('en'), messagesLoaded('zh-CN')]).toEqual([true, false]);
    expect(translate('en', 'common.retry')).toBe('Retry');
  });

  describe('both languages', () => {
    beforeAll(async () => {
      await loadMessages('en');
      await loadMessages('zh-CN');
    });

    it('have the same keys and placeholders in zh-CN and en, and no empty strings', () => {
      expect(catalogProblems({ en: catalogOf('en'), 'zh-CN': catalogOf('zh-CN') })).toEqual([]);
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
});
